import type { ElectronApplication } from '@playwright/test';

/**
 * Stands in, inside main, for the user's browser and for the user answering main's
 * question about an unknown site (`answer`: the button pressed): records every link main
 * hands to the browser and every question it asks, and launches nothing on the test machine.
 */
export async function recordBrowserAndQuestions(
  app: ElectronApplication,
  answer: 'open' | 'cancel',
): Promise<{ openedInBrowser: () => Promise<string[]>; questions: () => Promise<string[]> }> {
  await app.evaluate(({ dialog, shell }, pressed) => {
    const record = { opened: [] as string[], asked: [] as string[] };
    Object.assign(globalThis, { browserLinks: record });
    shell.openExternal = (url: string) => {
      record.opened.push(url);
      return Promise.resolve();
    };
    // main asks over a window (showMessageBox(window, options)) or without one (showMessageBox(options)).
    dialog.showMessageBox = (...args: unknown[]) => {
      const options = args.at(-1) as { message: string };
      record.asked.push(options.message);
      return Promise.resolve({ response: pressed === 'open' ? 0 : 1, checkboxChecked: false });
    };
  }, answer);
  const read = () =>
    app.evaluate(() => (globalThis as unknown as { browserLinks: { opened: string[]; asked: string[] } }).browserLinks);
  return {
    openedInBrowser: async () => (await read()).opened,
    questions: async () => (await read()).asked,
  };
}
