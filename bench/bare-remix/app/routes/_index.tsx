// The module body the bench measures, written here by `npm run bench` before it builds this app.
import body from "../body.html?raw";

export default function Page() {
  return <article dangerouslySetInnerHTML={{ __html: body }} />;
}
