// A fake of HtmlService for the sidebar: createHtmlOutputFromFile(name) finds an HTML file of the project by name
// (without ".html"), setTitle sets the title bar text, and Ui.showSidebar(output) records the sidebar shown.
//
// HtmlService reference — https://developers.google.com/apps-script/reference/html/html-service:
// createHtmlOutputFromFile(filename) "Creates a new HtmlOutput object from a file in the code editor";
// a name with no such file throws "No HTML file named Sidebar was found."
// HtmlOutput.setTitle — https://developers.google.com/apps-script/reference/html/html-output.

import type { SheetsHost } from './spreadsheet';

export class FakeHtmlOutput {
  title = '';

  constructor(readonly file: string) {}

  setTitle(title: string): this {
    this.title = title;
    return this;
  }

  getTitle(): string {
    return this.title;
  }
}

export function htmlService(host: SheetsHost) {
  return {
    createHtmlOutputFromFile(file: string): FakeHtmlOutput {
      host.record('HtmlService.createHtmlOutputFromFile');
      const name = String(file).replace(/\.html$/, '');
      if (!host.htmlFiles.includes(name)) throw new Error(`No HTML file named ${name} was found.`);
      return new FakeHtmlOutput(name);
    },
  };
}
