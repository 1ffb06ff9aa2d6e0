/**
 * Entry: start the engine (small chunk) first, then load the editor and UI (the large chunk) while the
 * worker compiles QuickJS and runs the opening sample.
 */
import { boot } from "./boot";

const started = boot();

void import("./mount").then(({ mount }) => mount(document.getElementById("root")!, started));
