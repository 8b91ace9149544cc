"use client";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { buildSubmissionSchema, type SubmissionInput } from "@/lib/submission/schema";
import { respondentErrorKey } from "@/lib/submission/error-keys";
import { DIGITAL_CONSENT_AGE, ageOn, birthDateQuestion, isRealDate, type FormDefinition, type FormQuestion } from "@/lib/submission/form-definition";
import type { RespondentStrings } from "@/lib/submission/respondent-strings";
import { visibility } from "@/lib/campaigns/visibility-rules";
import { scaleRange } from "@/lib/campaigns/scale";
import { schemaResolver } from "./schema-resolver";

type Props = {
  form: FormDefinition;
  strings: RespondentStrings;
  /** Null in the builder's preview: nothing is sent (the start call gives the token, from ./start beside the submit URL) */
  submitUrl: string | null;
  rulesHref: string | null;
  notice: ReactNode;
};

const inputClass =
  "block w-full rounded-md border border-gray-400 bg-white px-3 py-3 text-base text-gray-900 focus:border-gray-900 aria-[invalid=true]:border-red-700";

const AUTOCOMPLETE: Partial<Record<FormQuestion["type"], { type: string; autoComplete?: string; inputMode?: "numeric" | "decimal" | "tel" | "email" }>> = {
  SHORT_TEXT: { type: "text" },
  EMAIL: { type: "email", autoComplete: "email", inputMode: "email" },
  FIRST_NAME: { type: "text", autoComplete: "given-name" },
  LAST_NAME: { type: "text", autoComplete: "family-name" },
  PHONE: { type: "tel", autoComplete: "tel", inputMode: "tel" },
  POSTAL_CODE: { type: "text", autoComplete: "postal-code", inputMode: "numeric" },
  NUMBER: { type: "text", inputMode: "decimal" },
  DATE: { type: "date" },
  BIRTH_DATE: { type: "date", autoComplete: "bday" },
};

/** Reads a value at a dotted path of react-hook-form's error tree ("answers.<id>"). */
function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as { message?: string } | undefined)?.message;
}

type Start = { token: string } | { error: string };

/** The form's start call: its signed start token (time trap), counting the view with the page's UTM source. */
async function requestStart(submitUrl: string): Promise<Start> {
  const source = new URLSearchParams(window.location.search).get("utm_source");
  const url = submitUrl.replace(/\/submit$/, "/start") + (source ? `?utm_source=${encodeURIComponent(source)}` : "");
  for (const wait of [0, 1000, 3000]) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      const response = await fetch(url, { cache: "no-store" });
      const body = (await response.json()) as { startToken?: string; error?: string };
      if (body.startToken) return { token: body.startToken };
      // Not open (any more): the server's sentence, no retry.
      if (response.status < 500 && body.error) return { error: body.error };
    } catch {
      /* offline for a moment: try again */
    }
  }
  return { error: "" };
}

/** The page's start call, asked once (again after a failure); one form per page. */
const starts = new Map<string, Promise<Start>>();
function startOf(submitUrl: string): Promise<Start> {
  let start = starts.get(submitUrl);
  if (!start) {
    start = requestStart(submitUrl);
    starts.set(submitUrl, start);
    void start.then((s) => "error" in s && starts.delete(submitUrl));
  }
  return start;
}

/**
 * The respondent's form: rendered on the server, validated here and on the
 * server by the same schema, posted as JSON. Everything it shows comes in
 * through props, so the page ships no i18n or dashboard code. Its colours are
 * the CSS variables its page sets around it (./brand.ts).
 */
export function RespondentForm({ form, strings, submitUrl, rulesHref, notice }: Props) {
  const resolver = useMemo(() => schemaResolver<SubmissionInput>(() => buildSubmissionSchema(form)), [form]);
  const [formError, setFormError] = useState<string>();
  // Asked when the form first shows: the page itself is the same for everyone (cached).
  useEffect(() => {
    if (submitUrl) void startOf(submitUrl);
  }, [submitUrl]);
  const { register, handleSubmit, setError, setValue, control, formState } = useForm<SubmissionInput>({
    resolver,
    defaultValues: { answers: {}, consents: Object.fromEntries(form.purposes.map((p) => [p.id, false])), rulesAccepted: false, ageDeclared: false, parentEmail: "", website: "" },
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = formState;
  const text = (message?: string) => {
    if (!message) return undefined;
    // Schema messages are catalogue keys; the server's own sentences come already translated.
    const key = respondentErrorKey(message);
    return key ? strings.errors[key] : message;
  };

  // Under 15 (from the birth date), marketing boxes are refused or need a parent's consent.
  const birth = birthDateQuestion(form);
  const birthValue = useWatch({ control, name: birth ? (`answers.${birth.id}` as const) : ("website" as const) });
  const consents = useWatch({ control, name: "consents" }) as Record<string, boolean> | undefined;
  const minor = birth && typeof birthValue === "string" && isRealDate(birthValue) && ageOn(birthValue, new Date()) < DIGITAL_CONSENT_AGE;
  const refuseMinors = minor && form.minorPolicy !== "PARENTAL_CONSENT";
  useEffect(() => {
    if (refuseMinors) for (const p of form.purposes) setValue(`consents.${p.id}`, false);
  }, [refuseMinors, form.purposes, setValue]);
  const askParent = minor && form.minorPolicy === "PARENTAL_CONSENT" && Object.values(consents ?? {}).some(Boolean);

  // Show-if: only the answers conditions test are watched, so typing elsewhere re-renders nothing more.
  const sources = useMemo(
    () => [...new Set(form.sections.flatMap((s) => [s.showIf, ...s.questions.map((q) => q.showIf)]).filter((c) => c != null).map((c) => c.questionId))],
    [form.sections],
  );
  const sourceValues = useWatch({ control, name: sources.map((id) => `answers.${id}` as const), disabled: sources.length === 0 }) as unknown[] | undefined;
  const shown = sources.length ? visibility(form.sections, Object.fromEntries(sources.map((id, k) => [id, sourceValues?.[k]]))) : null;

  async function onSubmit(values: SubmissionInput) {
    setFormError(undefined);
    if (!submitUrl) return setFormError(strings.previewSubmit);
    const started = await startOf(submitUrl);
    if ("error" in started) return setFormError(started.error || strings.network);
    const query = new URLSearchParams(window.location.search);
    const body = {
      ...values,
      startToken: started.token,
      context: {
        pageUrl: window.location.href.slice(0, 1000),
        referrer: document.referrer.slice(0, 1000),
        utmSource: query.get("utm_source") ?? "",
        utmMedium: query.get("utm_medium") ?? "",
        utmCampaign: query.get("utm_campaign") ?? "",
        utmTerm: query.get("utm_term") ?? "",
        utmContent: query.get("utm_content") ?? "",
      },
    };
    let response: Response;
    try {
      response = await fetch(submitUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    } catch {
      return setFormError(strings.network);
    }
    const result = (await response.json().catch(() => ({}))) as { thanksUrl?: string; error?: string; fieldErrors?: Record<string, string> };
    if (response.ok && result.thanksUrl) {
      window.location.assign(result.thanksUrl);
      return;
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as never, { message });
    if (response.status === 409 && form.sections.length && result.error) {
      const email = form.sections.flatMap((s) => s.questions).find((q) => q.type === "EMAIL");
      if (email && /e-mail/i.test(result.error)) setError(`answers.${email.id}` as never, { message: result.error }, { shouldFocus: true });
    }
    setFormError(result.error ?? strings.network);
  }

  const requiredMark = <span aria-hidden="true" className="text-red-700"> *</span>;
  const hintId = (q: FormQuestion) => (q.helpText ? `q-${q.id}-hint` : "");
  const describe = (q: FormQuestion, error?: string) => {
    const ids = [hintId(q), error ? `q-${q.id}-error` : ""].filter(Boolean).join(" ");
    return { "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined };
  };
  const errorText = (id: string, message?: string) =>
    message ? (
      <p id={id} className="mt-1 text-sm font-medium text-red-700">
        {text(message)}
      </p>
    ) : null;

  function renderQuestion(q: FormQuestion) {
    const name = `answers.${q.id}` as const;
    const error = errorAt(errors, name);
    const help = q.helpText ? (
      <p id={hintId(q)} className="text-sm text-gray-600">
        {q.helpText}
      </p>
    ) : null;
    const choice = (type: "radio" | "checkbox", options: Array<{ value: string; label: string }>, grid = false) => (
      <fieldset aria-describedby={[hintId(q), error ? `q-${q.id}-error` : ""].filter(Boolean).join(" ") || undefined}>
        <legend className="mb-1 text-base font-semibold">
          {q.label}
          {q.required && requiredMark}
          {q.required && <span className="sr-only"> ({strings.required})</span>}
        </legend>
        {help}
        <div className={grid ? `mt-2 grid ${options.length > 10 ? "grid-cols-6" : "grid-cols-5"} gap-2` : "mt-2 space-y-2"}>
          {options.map((o) => (
            <label
              key={o.value}
              className={
                grid
                  ? "relative flex min-h-12 cursor-pointer items-center justify-center rounded-md border border-gray-400 bg-white text-base font-medium has-[:checked]:border-(--brand-mark) has-[:checked]:bg-(--brand) has-[:checked]:text-(--brand-text) has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-(--brand-mark)"
                  : "flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-gray-300 bg-white px-3 py-2 has-[:checked]:border-(--brand-mark) has-[:checked]:ring-1 has-[:checked]:ring-(--brand-mark)"
              }
            >
              <input type={type} value={o.value} className={grid ? "absolute inset-0 size-full cursor-pointer opacity-0" : "size-5 shrink-0 accent-(--brand-mark)"} aria-invalid={error ? true : undefined} {...register(name)} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        {q.type === "SCALE" && <ScaleEnds q={q} strings={strings} />}
        {errorText(`q-${q.id}-error`, error)}
      </fieldset>
    );
    switch (q.type) {
      case "SINGLE_CHOICE":
        return choice("radio", q.options.map((o) => ({ value: o.id, label: o.label })));
      case "MULTIPLE_CHOICE":
        return choice("checkbox", q.options.map((o) => ({ value: o.id, label: o.label })));
      case "YES_NO":
        return choice("radio", [
          { value: "yes", label: strings.yes },
          { value: "no", label: strings.no },
        ]);
      case "SCALE": {
        const { min, max } = scaleRange(q.validation);
        return choice("radio", Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) })), true);
      }
      default: {
        const input = AUTOCOMPLETE[q.type];
        return (
          <div>
            <label htmlFor={`q-${q.id}`} className="mb-1 block text-base font-semibold">
              {q.label}
              {q.required && requiredMark}
            </label>
            {help}
            {q.type === "LONG_TEXT" ? (
              <textarea id={`q-${q.id}`} rows={4} className={inputClass} aria-required={q.required || undefined} {...describe(q, error)} {...register(name)} />
            ) : (
              <input
                id={`q-${q.id}`}
                type={input?.type ?? "text"}
                autoComplete={input?.autoComplete ?? "off"}
                inputMode={input?.inputMode}
                className={inputClass}
                aria-required={q.required || undefined}
                {...describe(q, error)}
                {...register(name)}
              />
            )}
            {errorText(`q-${q.id}-error`, error)}
          </div>
        );
      }
    }
  }

  const checkbox = (name: "rulesAccepted" | "ageDeclared", label: ReactNode, required: boolean) => {
    const error = errorAt(errors, name);
    return (
      <div>
        <label className="flex min-h-12 cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            className="mt-0.5 size-5 shrink-0 accent-(--brand-mark)"
            aria-required={required || undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${name}-error` : undefined}
            {...register(name)}
          />
          <span>
            {label}
            {required && requiredMark}
          </span>
        </label>
        {errorText(`${name}-error`, error)}
      </div>
    );
  };

  const consentsError = errorAt(errors, "consents");
  const submitLabel = form.kind === "CONTEST" ? strings.submit : form.kind === "LEAD_MAGNET" ? strings.submitLeadMagnet : strings.submitSurvey;

  return (
    <form
      onSubmit={handleSubmit(onSubmit, () => setFormError(strings.fixErrors))}
      noValidate
      className="brand-focus space-y-8"
      aria-describedby="required-legend"
    >
      <p id="required-legend" className="text-sm text-gray-600">
        {strings.requiredLegend}
      </p>
      {form.sections.map((section) =>
        shown && !shown.sections.has(section.id) ? null : (
          <section key={section.id} className="space-y-6" aria-labelledby={section.title ? `s-${section.id}` : undefined}>
            {section.title && (
              <h2 id={`s-${section.id}`} className="text-lg font-bold">
                {section.title}
              </h2>
            )}
            {section.questions.map((q) => (shown && !shown.questions.has(q.id) ? null : <div key={q.id}>{renderQuestion(q)}</div>))}
          </section>
        ),
      )}

      {form.minimumAge != null && form.ageCheck === "DECLARATION" && checkbox("ageDeclared", strings.ageDeclaration, true)}

      {form.purposes.length > 0 && (
        <fieldset className="space-y-3 rounded-lg border border-gray-300 bg-white p-4" aria-describedby={["consents-hint", consentsError ? "consents-error" : ""].filter(Boolean).join(" ")}>
          <legend className="px-1 text-base font-semibold">{strings.consentsTitle}</legend>
          <p id="consents-hint" className="text-sm text-gray-600">
            {strings.consentsHint}
          </p>
          {refuseMinors && <p className="text-sm font-medium text-amber-900">{strings.minorRefused}</p>}
          {form.purposes.map((p) => (
            <label key={p.id} className="flex min-h-12 cursor-pointer items-start gap-3">
              <input
                type="checkbox"
                className="mt-0.5 size-5 shrink-0 accent-(--brand-mark)"
                disabled={Boolean(refuseMinors)}
                {...register(`consents.${p.id}`)}
              />
              <span>{p.wording}</span>
            </label>
          ))}
          {askParent && (
            <div>
              <label htmlFor="parent-email" className="mb-1 block text-base font-semibold">
                {strings.parentEmail}
                {requiredMark}
              </label>
              <p id="parent-email-hint" className="text-sm text-gray-600">
                {strings.parentEmailHint}
              </p>
              <input
                id="parent-email"
                type="email"
                autoComplete="off"
                inputMode="email"
                className={inputClass}
                aria-required
                aria-invalid={errorAt(errors, "parentEmail") ? true : undefined}
                aria-describedby={["parent-email-hint", errorAt(errors, "parentEmail") ? "parent-email-error" : ""].filter(Boolean).join(" ")}
                {...register("parentEmail")}
              />
              {errorText("parent-email-error", errorAt(errors, "parentEmail"))}
            </div>
          )}
          {errorText("consents-error", consentsError)}
        </fieldset>
      )}

      {form.kind === "CONTEST" &&
        checkbox(
          "rulesAccepted",
          <>
            {strings.rules}
            {rulesHref && (
              <>
                {" "}
                (
                <a href={rulesHref} target="_blank" rel="noopener" className="underline">
                  {strings.rulesLink}
                </a>
                )
              </>
            )}
          </>,
          true,
        )}

      {/* Honeypot: invisible and unreachable for people; bots fill every field they find. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          {strings.honeypot}
          <input type="text" tabIndex={-1} autoComplete="off" {...register("website")} />
        </label>
      </div>

      {notice}

      {formError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base font-medium text-red-900">
          {formError}
        </div>
      )}
      <button
        type="submit"
        disabled={isSubmitting}
        className="min-h-12 w-full rounded-md bg-(--brand) px-4 py-3 text-lg font-semibold text-(--brand-text) disabled:opacity-60"
      >
        {isSubmitting ? strings.sending : submitLabel}
      </button>
    </form>
  );
}

/** A scale's end labels: the marketer's ("0 = Pas du tout probable"), or the default words of a 1–10 scale. */
function ScaleEnds({ q, strings }: { q: FormQuestion; strings: RespondentStrings }) {
  const { min, max } = scaleRange(q.validation);
  const { minLabel, maxLabel } = q.validation;
  const classic = min === 1 && max === 10;
  const low = minLabel ? `${min} = ${minLabel}` : classic ? strings.scaleLow : "";
  const high = maxLabel ? `${max} = ${maxLabel}` : classic ? strings.scaleHigh : "";
  if (!low && !high) return null;
  return (
    <p className="mt-1 flex justify-between gap-4 text-sm text-gray-600">
      <span>{low}</span>
      <span className="text-right">{high}</span>
    </p>
  );
}
