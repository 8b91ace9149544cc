import type { NoticeBlock } from "@/lib/campaigns/notice";

/** The GDPR information notice, one tap away (a native disclosure: no JavaScript). */
export function Notice({ title, blocks, open = false }: { title: string; blocks: NoticeBlock[]; open?: boolean }) {
  return (
    <details className="rounded-lg border border-gray-300 bg-white p-4 text-sm" open={open} data-testid="notice">
      <summary className="min-h-6 cursor-pointer text-base font-semibold underline">{title}</summary>
      <div className="mt-3 space-y-3">
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
  );
}
