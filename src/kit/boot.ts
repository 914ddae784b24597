// The one line a scene's main.ts calls.
export { boot } from "./runtime";
