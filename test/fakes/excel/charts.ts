// Charts in the fake Excel host: a sheet's chart collection, adding a chart over a source range, its title,
// legend, category axis, series and position, and deleting it. Charts are stored as plain data on the sheet.

import { ClientCollection, ClientObject, writeOnlyProxy } from './client-object';
import { invalidArgument, itemNotFound, notModelled, propertyNotLoaded } from './errors';
import type { FakeRange } from './range';
import type { FakeRequestContext } from './request-context';
import type { FakeWorksheet } from './workbook';
import type { ExcelChartState } from './workbook-state';

/** The chart types the fake knows (Excel.ChartType values); any other fails with InvalidArgument. */
const CHART_TYPES = new Set(['ColumnClustered', 'BarClustered', 'Line', 'Pie', 'XYScatter', 'Area']);
/** Excel.ChartSeriesBy. */
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

export class FakeChartCollection extends ClientCollection<FakeChart> {
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  protected loadItems(): FakeChart[] {
    const sheet = this.worksheet.sheet();
    return sheet.charts.map(
      (chart) =>
        new FakeChart(this.context, this.worksheet, () => (sheet.charts.includes(chart) ? chart : undefined)),
    );
  }

  /** `ChartCollection.add(type, sourceData, seriesBy)`: the source must be on this sheet's workbook. */
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    let created: ExcelChartState | undefined;
    this.context.enqueue(() => {
      if (!CHART_TYPES.has(type)) throw invalidArgument(`chart type ${type}`, 'ChartCollection.add');
      if (!SERIES_BY.has(seriesBy)) throw invalidArgument(`seriesBy ${seriesBy}`, 'ChartCollection.add');
      const sheet = this.worksheet.sheet();
      const { area } = sourceData.target();
      created = {
        name: this.context.state.nextChartName(),
        type,
        source: area,
        seriesBy,
        series: [{ values: area }],
      };
      sheet.charts.push(created);
    });
    return new FakeChart(this.context, this.worksheet, () => created);
  }
}

export class FakeChart extends ClientObject {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { categoryAxis: { reversePlotOrder: boolean; tickLabelSpacing: number | '' } };
  readonly series: { getItemAt(index: number): FakeChartSeries; add(name?: string): FakeChartSeries };

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
    private readonly resolve: () => ExcelChartState | undefined,
  ) {
    super(context);
    this.title = writeOnlyProxy<{ text: string }>(context, 'ChartTitle', {
      text: (text) => {
        this.chart().title = text;
      },
    });
    this.legend = writeOnlyProxy<{ visible: boolean }>(context, 'ChartLegend', {
      visible: (visible) => {
        this.chart().legendVisible = visible;
      },
    });
    this.axes = {
      categoryAxis: writeOnlyProxy<{ reversePlotOrder: boolean; tickLabelSpacing: number | '' }>(
        context,
        'ChartAxis',
        {
          reversePlotOrder: (reverse) => {
            this.chart().reversePlotOrder = reverse;
          },
          // ChartAxis.tickLabelSpacing (ExcelApi 1.7): "the number of categories or series between tick-mark labels. Can be
          // a value from 1 through 31999 or an empty string for automatic setting."
          // https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-ticklabelspacing-member
          tickLabelSpacing: (spacing) => {
            if (spacing !== '' && !(Number.isInteger(spacing) && spacing >= 1 && spacing <= 31999))
              throw invalidArgument(`tickLabelSpacing ${String(spacing)}`, 'ChartAxis.tickLabelSpacing');
            const chart = this.chart();
            if (spacing === '') delete chart.tickLabelSpacing;
            else chart.tickLabelSpacing = spacing;
          },
        },
      ),
    };
    this.series = {
      getItemAt: (index) =>
        new FakeChartSeries(context, () => {
          const series = this.chart().series[index];
          if (!series) throw itemNotFound('ChartSeriesCollection.getItemAt');
          return series;
        }),
      add: (name) => {
        let created: ExcelChartState['series'][number] | undefined;
        context.enqueue(() => {
          created = {
            values: { row: 0, column: 0, rows: 0, columns: 0 },
            ...(name === undefined ? {} : { name }),
          };
          this.chart().series.push(created);
        });
        return new FakeChartSeries(context, () => {
          if (!created) throw itemNotFound('ChartSeriesCollection.add');
          return created;
        });
      },
    };
  }

  chart(): ExcelChartState {
    const chart = this.resolve();
    if (!chart) throw itemNotFound('Chart');
    return chart;
  }

  loadProperty(property: string): unknown {
    if (property === 'name') return this.chart().name;
    throw notModelled(`loading Chart.${property}`);
  }

  get name(): string {
    return this.read('name');
  }

  /** Positions the chart between two cells of its own sheet; a cell on another sheet fails with InvalidArgument. */
  setPosition(startCell: FakeRange, endCell?: FakeRange): void {
    this.context.enqueue(() => {
      const chart = this.chart();
      const start = startCell.target();
      const end = endCell?.target();
      const sheet = this.worksheet.sheet();
      if (start.sheet !== sheet || (end && end.sheet !== sheet))
        throw invalidArgument('the position is on another sheet', 'Chart.setPosition');
      chart.position = { start: start.area, end: end?.area };
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const chart = this.chart();
      const sheet = this.worksheet.sheet();
      sheet.charts = sheet.charts.filter((other) => other !== chart);
    });
  }
}

export class FakeChartSeries {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly resolve: () => ExcelChartState['series'][number],
  ) {}

  get name(): string {
    throw propertyNotLoaded('name');
  }

  set name(name: string) {
    this.context.enqueue(() => {
      if (typeof name !== 'string') throw invalidArgument('series name', 'ChartSeries.name');
      this.resolve().name = name;
    });
  }

  setXAxisValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      this.resolve().xAxis = sourceData.target().area;
    });
  }

  setValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      this.resolve().values = sourceData.target().area;
    });
  }
}
