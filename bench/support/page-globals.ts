/**
 * What bench/page/*.js put on the page's global object, typed for the
 * functions handed to page.evaluate. The bench compiles without the DOM
 * library (tsconfig.node.json), so evaluated functions reach the page through
 * `(globalThis as unknown as PageGlobals)` and leave DOM work to the scripts.
 */
export interface PaintedPoint {
  readonly sourceId: string;
  readonly newestAt: number;
  readonly receivedAt: number;
  readonly paintedAt: number;
}

export interface ScrollSample {
  readonly rendered: number;
  readonly fit: number;
  readonly visible: number;
}

export interface PageGlobals {
  readonly __probe: {
    longtaskSupported(): boolean;
    chartDrawnAt(): number | null;
    longtasks(from: number, to: number): Array<{ start: number; duration: number }>;
    settle(frames: number): Promise<void>;
    followUpdate(label: string, deliver: () => void, count: number): Promise<{ pushedAt: number; bounds: number[] }>;
    scrollSamples(selector: string): Promise<ScrollSample[]>;
    scrollFrames(
      selector: string,
      step: number,
    ): Promise<{ times: number[]; startedAt: number; endedAt: number; rows: number }>;
    frame(): Promise<number>;
    clickUntilDrawn(label: string, minPoints: number): Promise<{ ms: number | null; points: number }>;
    nextTask(): Promise<number>;
    rowTextsAfter(deliver: () => void, x: number, y: number, count: number): Promise<(string | null)[]>;
  };
  readonly __bench: {
    listeners(): number;
    fetchPatches(name: string): Promise<number>;
    push(name: string): void;
  };
  readonly __tap: {
    readonly points: PaintedPoint[];
    readonly first: PaintedPoint | null;
  };
}
