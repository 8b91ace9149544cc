/** The band on top of the respondent's page: logo, organisation and title, in the campaign's colour (--brand, see brand.ts). */
export function CampaignHeader({ organisation, title, logoSrc }: { organisation: string; title: string; logoSrc: string | null }) {
  return (
    <div className="bg-(--brand) px-4 py-5 text-(--brand-text)">
      <div className="mx-auto max-w-xl">
        {logoSrc && (
          // eslint-disable-next-line @next/next/no-img-element -- a small uploaded logo served by our own route
          <img src={logoSrc} alt={organisation} className="mb-3 h-12 w-auto rounded bg-white p-1" />
        )}
        <p className="text-sm font-medium opacity-90">{organisation}</p>
        <h1 className="mt-1 text-2xl font-bold leading-tight">{title}</h1>
      </div>
    </div>
  );
}
