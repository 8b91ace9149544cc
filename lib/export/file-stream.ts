import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { BOM, csvLines, csvRecords, type Separator } from "./csv";
import { type Cell, csvText, xlsxValue } from "./cells";
import type { CsvTarget, FileFormat } from "./formats";


export type FileStreamOptions = {
  format: FileFormat;
  header: readonly string[];
  /** Rows batch by batch: the next batch is read only when the reader wants more bytes */
  batches: AsyncIterator<Cell[][]>;
  timeZone: string;
  separator: Separator;
  csvTarget: CsvTarget;
  /** The worksheet's name (XLSX) */
  sheetName: string;
  /** Called once: when the file is complete (true) or when it failed or the reader went away (false) */
  onEnd: (rowCount: number, completed: boolean) => Promise<void>;
};

type Writer = { start(): Uint8Array[]; write(rows: Cell[][]): Promise<Uint8Array[]>; finish(): Promise<Uint8Array[]> };

function csvWriter(options: FileStreamOptions): Writer {
  const encoder = new TextEncoder();
  return {
    start: () => [encoder.encode(BOM + csvLines([options.header], options.separator))],
    write: async (rows) => [encoder.encode(csvRecords(rows.map((row) => row.map((cell) => csvText(cell, options.timeZone, options.csvTarget))), options.separator))],
    finish: async () => [],
  };
}

const DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 2));
/** Sheet XML allowed to wait for the zip's deflate before the next batch is read. */
const MAX_WAITING_BYTES = 256 * 1024;

/**
 * Bytes of sheet XML written but not yet taken by the zip's deflate. exceljs
 * writes rows into the zip entry without heeding backpressure, and deflate is
 * slower than the database: without waiting on this, a 100,000-row sheet piles
 * up whole in that buffer (measured: 6 MB per 10,000 rows). Read from the
 * entry's pass-through stream, which exceljs does not expose; 0 if it moves.
 */
function waitingBytes(sheet: unknown): number {
  const entry = (sheet as { stream?: { pipes?: { _writableState?: { length?: number } }[] } }).stream?.pipes?.[0];
  return entry?._writableState?.length ?? 0;
}

/**
 * XLSX through exceljs's streaming writer: each row is committed as soon as it
 * is added, the zip is deflated into a pass-through stream whose bytes are
 * handed on batch by batch, so the workbook is never whole in memory.
 */
function xlsxWriter(options: FileStreamOptions): Writer {
  const out = new PassThrough();
  const pending: Uint8Array[] = [];
  let ended = false;
  const endedPromise = new Promise<void>((resolve, reject) => {
    out.on("end", () => {
      ended = true;
      resolve();
    });
    out.on("error", reject);
  });
  out.on("data", (chunk: Buffer) => pending.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31) || "Export");
  const take = () => pending.splice(0, pending.length);
  const add = (cells: Cell[]) => {
    const row = sheet.addRow(cells.map((cell) => xlsxValue(cell, options.timeZone)));
    cells.forEach((cell, i) => {
      if (cell !== null && typeof cell === "object" && "at" in cell) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
    row.commit();
  };
  return {
    start() {
      const header = sheet.addRow([...options.header]);
      header.font = { bold: true };
      header.commit();
      return [];
    },
    async write(rows) {
      for (const row of rows) add(row);
      // Let the zip deflate what was committed, so bytes leave with their batch and memory stays flat.
      await nextTurn();
      while (waitingBytes(sheet) > MAX_WAITING_BYTES) await pause();
      return take();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      if (!ended) await endedPromise;
      return take();
    },
  };
}

/**
 * An export file as a stream of bytes, pulled by the HTTP response: the next
 * batch of rows is read from the database only when the reader has taken the
 * previous bytes, so memory stays flat whatever the number of rows.
 */
export function fileStream(options: FileStreamOptions): ReadableStream<Uint8Array> {
  const writer = options.format === "xlsx" ? xlsxWriter(options) : csvWriter(options);
  let count = 0;
  let ended = false;
  const end = async (completed: boolean) => {
    if (ended) return;
    ended = true;
    await options.onEnd(count, completed);
  };
  const enqueue = (controller: ReadableStreamDefaultController<Uint8Array>, chunks: Uint8Array[]): number => {
    let enqueued = 0;
    for (const chunk of chunks) {
      if (chunk.byteLength === 0) continue;
      controller.enqueue(chunk);
      enqueued++;
    }
    return enqueued;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      enqueue(controller, writer.start());
    },
    async pull(controller) {
      try {
        // A pull that enqueues nothing is not called again: read batches until some bytes leave (a zip may hold a small batch back).
        for (;;) {
          const next = await options.batches.next();
          if (next.done) {
            enqueue(controller, await writer.finish());
            await end(true);
            controller.close();
            return;
          }
          count += next.value.length;
          if (enqueue(controller, await writer.write(next.value)) > 0) return;
        }
      } catch (error) {
        console.error(error);
        await end(false).catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel() {
      await options.batches.return?.(undefined);
      await end(false);
    },
  });
}
