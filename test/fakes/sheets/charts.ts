// A fake of embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() → Sheet.insertChart(), and the
// Charts.ChartType enum the builder takes. The chart keeps what the builder was told, as plain data.
//
// EmbeddedChartBuilder reference — https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder:
// addRange(range), setChartType(type), setNumHeaders(headers), setOption(option, value),
// setPosition(anchorRowPos, anchorColPos, offsetX, offsetY), build().

import type { FakeRange, SheetsArea } from './range';
import type { FakeSheet, SheetsHost } from './spreadsheet';

export interface FakeChartState {
  readonly type: string;
  readonly ranges: readonly SheetsArea[];
  readonly numHeaders: number;
  readonly options: Readonly<Record<string, unknown>>;
  readonly position: {
    readonly row: number;
    readonly column: number;
    readonly offsetX: number;
    readonly offsetY: number;
  };
}

/** Charts.ChartType (the values the dashboard uses). */
export const CHART_TYPES = { BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE', PIE: 'PIE', AREA: 'AREA' } as const;

export class FakeEmbeddedChart {
  constructor(
    readonly sheet: FakeSheet,
    readonly state: FakeChartState,
  ) {}
}

export class FakeChartBuilder {
  private type = 'COLUMN';
  private readonly ranges: SheetsArea[] = [];
  private numHeaders = -1;
  private readonly options: Record<string, unknown> = {};
  private position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };

  constructor(
    private readonly host: SheetsHost,
    private readonly sheet: FakeSheet,
  ) {}

  setChartType(type: string): this {
    this.host.record('EmbeddedChartBuilder.setChartType');
    this.type = type;
    return this;
  }

  addRange(range: FakeRange): this {
    this.host.record('EmbeddedChartBuilder.addRange');
    if (range.sheet !== this.sheet) throw new Error('fake Sheets: a chart range is on another sheet');
    this.ranges.push(range.area);
    return this;
  }

  setNumHeaders(headers: number): this {
    this.host.record('EmbeddedChartBuilder.setNumHeaders');
    this.numHeaders = headers;
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.host.record('EmbeddedChartBuilder.setOption');
    this.options[option] = value;
    return this;
  }

  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    this.host.record('EmbeddedChartBuilder.setPosition');
    this.position = { row, column, offsetX, offsetY };
    return this;
  }

  build(): FakeEmbeddedChart {
    this.host.record('EmbeddedChartBuilder.build');
    if (this.ranges.length === 0) throw new Error('fake Sheets: a chart needs at least one range');
    return new FakeEmbeddedChart(this.sheet, {
      type: this.type,
      ranges: [...this.ranges],
      numHeaders: this.numHeaders,
      options: { ...this.options },
      position: this.position,
    });
  }
}
