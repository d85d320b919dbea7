// A fake of HtmlService for the sidebar and the dashboard dialog: createHtmlOutputFromFile(name) finds an HTML file
// of the project by name (without ".html"), setTitle sets the title bar text, append adds content after the file's,
// setWidth/setHeight set a dialog's initial size, and Ui.showSidebar / Ui.showModalDialog record what was shown.
//
// HtmlService reference — https://developers.google.com/apps-script/reference/html/html-service:
// createHtmlOutputFromFile(filename) "Creates a new HtmlOutput object from a file in the code editor";
// a name with no such file throws "No HTML file named Sidebar was found."
// HtmlOutput reference — https://developers.google.com/apps-script/reference/html/html-output: setTitle(title);
// append(addedContent) "Appends new content to the content of this HtmlOutput" (not escaped: appendUntrusted
// escapes); setWidth(width) / setHeight(height) set "the initial width/height of a custom dialog in Google Docs,
// Sheets, or Forms", in pixels; each returns the HtmlOutput, for chaining.

import type { SheetsHost } from './spreadsheet';

export class FakeHtmlOutput {
  title = '';
  /** What append added after the file's content, in order. */
  appended = '';
  width: number | undefined;
  height: number | undefined;

  constructor(readonly file: string) {}

  setTitle(title: string): this {
    this.title = title;
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  append(addedContent: string): this {
    this.appended += String(addedContent);
    return this;
  }

  setWidth(width: number): this {
    this.width = width;
    return this;
  }

  setHeight(height: number): this {
    this.height = height;
    return this;
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
