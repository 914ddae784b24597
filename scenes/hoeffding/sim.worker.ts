// hoeffding's module Web Worker: the coverage simulation and the exact-tail curve, off the
// main thread, streamed back a slice at a time (src/kit/jobs).
import { serveJobs } from "../../src/kit/jobs";
import { hoeffdingJobs } from "./jobs";

serveJobs(hoeffdingJobs);
