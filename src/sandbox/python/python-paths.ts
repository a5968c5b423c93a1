/** Where the sandbox puts its Python files in Pyodide's file system (build and worker agree). */
export const RECORDER_DIR = "/asyncio_live/recorder";
/** The driver: `live_run.py`, outside the recorder's folder so the reader cannot import it by name. */
export const DRIVER_DIR = "/asyncio_live/driver";
export const DRIVER_PATH = `${DRIVER_DIR}/live_run.py`;
/** The reader's program, in a folder of its own (harness.main runs it from there). */
export const PROGRAM_PATH = "/home/pyodide/example/main.py";
