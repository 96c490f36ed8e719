/** What the bundle gives the boot loader: the program and the real outside world. */
export { main } from './cli/main.js';
export { createProcessIo } from './io/process-io.js';
