// Health page: proves the server renders. Also the "bare page" the JavaScript
// weight of the respondent form is compared with (npm run bench -- load).
export const dynamic = "force-dynamic";

export default function HealthPage() {
  return <p>OK</p>;
}
