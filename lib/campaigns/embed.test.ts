import { describe, expect, it } from "vitest";
import { EMBED_HEIGHT_MESSAGE, embedHeightMessage, embedSnippet } from "./embed";

/** Runs the snippet's script against a fake page: returns the frame and a way to deliver messages. */
function mount(snippet: string) {
  const script = /<script>([\s\S]*)<\/script>/.exec(snippet)![1]!;
  const frameWindow = {};
  const frame = { contentWindow: frameWindow, style: { height: "" } };
  let listener: ((e: { origin: string; source: unknown; data: unknown }) => void) | undefined;
  const document = { getElementById: (id: string) => (id === "aimant-mon-jeu" ? frame : null) };
  const window = { addEventListener: (type: string, fn: typeof listener) => type === "message" && (listener = fn) };
  new Function("window", "document", script)(window, document);
  return { frame, frameWindow, send: (e: { origin: string; source: unknown; data: unknown }) => listener!(e) };
}

describe("the embed snippet", () => {
  const snippet = embedSnippet({ appUrl: "https://jeux.example.fr/", slug: "mon-jeu", title: 'Le "grand" jeu <2026>' });

  it("frames the form with its UTM tags, an escaped title and no fixed 900 px height", () => {
    expect(snippet).toContain('<iframe src="https://jeux.example.fr/f/mon-jeu?utm_source=site&amp;utm_medium=embed&amp;utm_campaign=mon-jeu" id="aimant-mon-jeu"');
    expect(snippet).toContain('title="Le &quot;grand&quot; jeu &lt;2026&gt;"');
    expect(snippet).not.toContain('height="900"');
  });

  it("sizes the frame from the form's own messages only", () => {
    const { frame, frameWindow, send } = mount(snippet);
    send({ origin: "https://jeux.example.fr", source: frameWindow, data: { type: EMBED_HEIGHT_MESSAGE, height: 1234.2 } });
    expect(frame.style.height).toBe("1235px");
    // Another origin, another frame, another message type or a silly height: ignored.
    send({ origin: "https://evil.example", source: frameWindow, data: { type: EMBED_HEIGHT_MESSAGE, height: 10 } });
    send({ origin: "https://jeux.example.fr", source: {}, data: { type: EMBED_HEIGHT_MESSAGE, height: 10 } });
    send({ origin: "https://jeux.example.fr", source: frameWindow, data: { type: "other", height: 10 } });
    send({ origin: "https://jeux.example.fr", source: frameWindow, data: { type: EMBED_HEIGHT_MESSAGE, height: "1e9" } });
    send({ origin: "https://jeux.example.fr", source: frameWindow, data: null });
    expect(frame.style.height).toBe("1235px");
  });

  it("rounds and bounds the height the form posts", () => {
    expect(embedHeightMessage(812.3)).toEqual({ type: EMBED_HEIGHT_MESSAGE, height: 813 });
    expect(embedHeightMessage(0).height).toBe(100);
    expect(embedHeightMessage(1e7).height).toBe(20_000);
  });
});
