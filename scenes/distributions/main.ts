import { boot } from "../../src/kit/boot";
import scene from "./scene";

boot(scene);
