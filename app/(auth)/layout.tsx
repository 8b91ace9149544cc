import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <NextIntlClientProvider>
      <div className="flex min-h-screen flex-col">
        <header className="flex items-center justify-between px-4 py-3">
          <Link href="/" className="text-lg font-bold text-brand">
            {t("appName")}
          </Link>
          <LocaleSwitch />
        </header>
        <main className="mx-auto w-full max-w-md flex-1 px-4 py-10">{children}</main>
      </div>
    </NextIntlClientProvider>
  );
}
