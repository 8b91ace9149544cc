import type { NoticeBlock } from "@/lib/campaigns/notice";

type Props = {
  title: string;
  blocks: NoticeBlock[];
  open?: boolean;
  /** The short first layer, shown under the full text (so right above the submit button), with a link to it */
  firstLayer?: { text: string; more: string };
};

/** The GDPR information notice: the full text one tap away (a native disclosure: no JavaScript), and its first layer. */
export function Notice({ title, blocks, open = false, firstLayer }: Props) {
  return (
    <div className="space-y-3">
      <details className="rounded-lg border border-gray-300 bg-white p-4 text-sm" open={open} data-testid="notice">
        <summary className="min-h-6 cursor-pointer text-base font-semibold underline">{title}</summary>
        {/* A link to this id opens the disclosure (browsers reveal a fragment's closed <details>). */}
        <div id="notice-text" className="mt-3 space-y-3">
          {blocks.map((block) => (
            <div key={block.heading}>
              <h3 className="font-semibold">{block.heading}</h3>
              {block.paragraphs.map((p, i) => (
                <p key={i} className="mt-1 text-gray-800">
                  {p}
                </p>
              ))}
            </div>
          ))}
        </div>
      </details>
      {firstLayer && (
        <p className="text-sm text-gray-700" data-testid="notice-short">
          {firstLayer.text}{" "}
          <a href="#notice-text" className="font-medium underline">
            {firstLayer.more}
          </a>
        </p>
      )}
    </div>
  );
}
