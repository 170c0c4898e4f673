/** A page with nothing but a title and a sentence, for windows that cannot do more. */
export function StandalonePage({ title, message }: { title: string; message: string }) {
  return (
    <main className="standalone">
      <h1>{title}</h1>
      <p>{message}</p>
    </main>
  );
}
