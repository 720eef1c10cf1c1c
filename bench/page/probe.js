// Measurement helpers inside the page (plain JS: it is not bundled). Loaded
// before the app by page.addInitScript, so the long-task observer sees the
// app's whole life.
(() => {
  // tsx compiles the bench with esbuild's keepNames, which wraps functions
  // handed to page.evaluate in __name(...): a no-op here lets them run.
  window.__name = window.__name || ((fn) => fn);

  const longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longtasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    longtasks.unsupported = true;
  }

  // When the chart last said it drew (its canvas's data-newest or data-points changed), wherever it draws.
  let chartDrawnAt = null;
  new MutationObserver(() => (chartDrawnAt = performance.now())).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-newest', 'data-points'],
  });

  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  /** Resolves when the current task and the rendering it triggered are done: the next task's start. */
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });

  window.__probe = {
    async settle(frames) {
      for (let i = 0; i < frames; i++) await frame();
    },
    longtaskSupported: () => !longtasks.unsupported,
    chartDrawnAt: () => chartDrawnAt,
    longtasks: (from, to) => longtasks.filter((t) => t.start + t.duration >= from && t.start <= to),
    frame,
    nextTask,
    /**
     * Hands `deliver` the update at the start of a frame and follows that
     * frame and the next `count - 1`. Returns when the push was made and each
     * frame's start (the timestamp its animation-frame callbacks get), the
     * bounds the bench books the traced main-thread tasks into. Nothing runs
     * in the page meanwhile but one animation-frame callback a frame.
     */
    followUpdate(label, deliver, count) {
      return new Promise((resolve) => {
        const bounds = [];
        let pushedAt = 0;
        const onFrame = (time) => {
          bounds.push(time);
          if (bounds.length > count) resolve({ pushedAt, bounds });
          else requestAnimationFrame(onFrame);
        };
        requestAnimationFrame((start) => {
          bounds.push(start);
          pushedAt = performance.now();
          performance.mark(`${label}:push`);
          deliver();
          requestAnimationFrame(onFrame);
        });
      });
    },
    /**
     * Hands `deliver` an update at the start of a frame, and returns what that
     * frame and the next `count - 1` painted at (x, y): the text of the table
     * row there, read once each frame's rendering is done, or null for none.
     */
    rowTextsAfter(deliver, x, y, count) {
      return new Promise((resolve) => {
        const seen = [];
        const afterFrame = () =>
          nextTask().then(() => {
            seen.push(document.elementFromPoint(x, y)?.closest('[role="row"]')?.textContent ?? null);
            if (seen.length < count) requestAnimationFrame(afterFrame);
            else resolve(seen);
          });
        requestAnimationFrame(() => {
          deliver();
          requestAnimationFrame(afterFrame);
        });
      });
    },
    /**
     * Clicks the radio button labelled `label` and resolves with the time from
     * the click to the end of the frame after the chart reported a draw of at
     * least `minPoints` readings (its canvas's data-points, set once the
     * drawing is done, wherever it is done).
     */
    clickUntilDrawn(label, minPoints) {
      const canvas = document.querySelector('[data-testid="viewers-chart"]');
      const button = [...document.querySelectorAll('[role="radio"]')].find((b) => b.textContent.trim() === label);
      return new Promise((resolve) => {
        let clickedAt = 0;
        const observer = new MutationObserver(() => {
          if (Number(canvas.dataset.points ?? 0) < minPoints) return;
          observer.disconnect();
          frame()
            .then(nextTask)
            .then((end) => resolve({ ms: end - clickedAt, points: Number(canvas.dataset.points) }));
        });
        observer.observe(canvas, { attributes: true, attributeFilter: ['data-points'] });
        setTimeout(() => {
          observer.disconnect();
          resolve({ ms: null, points: Number(canvas.dataset.points ?? 0) });
        }, 10_000);
        clickedAt = performance.now();
        button.click();
      });
    },
    /**
     * Scrolls a list from top to bottom, `step` px each frame, and times each
     * frame from its start to the end of its rendering and of the tasks the
     * scroll queued (the scroll's own work). Returns the frame times and when
     * the scroll started and ended, for the long tasks in between.
     */
    async scrollFrames(selector, step) {
      const body = document.querySelector(selector);
      body.scrollTop = 0;
      await frame();
      await frame();
      const times = [];
      const startedAt = performance.now();
      while (body.scrollTop + body.clientHeight < body.scrollHeight - 1) {
        const start = await frame();
        body.scrollTop += step;
        const end = await nextTask();
        times.push(end - start);
      }
      // The last frame's rendering, after the last move.
      const start = await frame();
      times.push((await nextTask()) - start);
      return { times, startedAt, endedAt: performance.now(), rows: body.querySelectorAll('[role="row"]').length };
    },
    /**
     * Scrolls a virtualised list and counts, after each frame, the rows in the
     * DOM, the rows its visible height can show (one more for a row cut at
     * each edge) and the rows actually on screen. First jumps across the whole
     * list (scrollbar drags), then a steady 120 px a frame (a flicked wheel).
     */
    async scrollSamples(selector) {
      const body = document.querySelector(selector);
      const out = [];
      const count = () => {
        const rows = [...body.querySelectorAll('[role="row"]')];
        const box = body.getBoundingClientRect();
        const rowHeight = rows[0]?.getBoundingClientRect().height || 1;
        const visible = rows.filter((row) => {
          const r = row.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom;
        }).length;
        out.push({ rendered: rows.length, fit: Math.ceil(body.clientHeight / rowHeight) + 1, visible });
      };
      const max = body.scrollHeight - body.clientHeight;
      for (let i = 0; i <= 40; i++) {
        body.scrollTop = Math.round((max * i) / 40);
        await frame();
        await frame();
        count();
      }
      body.scrollTop = 0;
      await frame();
      for (let i = 0; i < 120; i++) {
        body.scrollTop += 120;
        await frame();
        count();
      }
      return out;
    },
  };
})();
