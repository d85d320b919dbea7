// The dashboard's charts: one drawing holding every chart; each chart a clustered column/bar or a line chart
// over cells of the dashboard sheet, with cached values so it shows before Excel recalculates.

import { columnLetters } from '../core/a1';
import { isDateValue, type PlanCell, type PlanChart } from '../core/dashboard/plan';
import { escapeXml, type Namespaces, XML_DECLARATION } from './ooxml';
import { DATE_1904_OFFSET, DEFAULT_DATE_FORMAT, isDateCode, type SheetOptions, textOf } from './write-sheet';
import { formatNumber } from './write-styles';

/** A sheet name quoted for a formula: 'PMO Dashboard' (apostrophes doubled). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const absoluteAddress = (row: number, column: number): string => `$${columnLetters(column)}$${row + 1}`;

export function isValidChart(chart: PlanChart): boolean {
  const { categories, anchor } = chart;
  const indexes = [
    categories.column,
    categories.firstRow,
    categories.lastRow,
    anchor.row,
    anchor.column,
    ...chart.series.flatMap((series) => [series.column, series.nameRow]),
  ];
  return (
    indexes.every((index) => Number.isInteger(index) && index >= 0) &&
    categories.firstRow <= categories.lastRow &&
    chart.series.length > 0 &&
    anchor.rows > 0 &&
    anchor.columns > 0
  );
}

export function chartXml(chart: PlanChart, sheetName: string, options: SheetOptions): string {
  const { plan, namespaces } = options;
  const sheet = quoteSheetName(sheetName);
  const { categories } = chart;
  const rows: number[] = [];
  for (let row = categories.firstRow; row <= categories.lastRow; row++) rows.push(row);
  const cellAt = (row: number, column: number): PlanCell | undefined => plan.cells[row]?.[column];
  const numberAt = (row: number, column: number): number | undefined => {
    const value = cellAt(row, column)?.value ?? null;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (isDateValue(value)) return value.date - (options.date1904 ? DATE_1904_OFFSET : 0);
    return undefined;
  };
  const range = (column: number) =>
    `${sheet}!${absoluteAddress(categories.firstRow, column)}:${absoluteAddress(categories.lastRow, column)}`;
  const count = `<c:ptCount val="${rows.length}"/>`;
  const categoryValues = rows.map((row) => cellAt(row, categories.column)?.value ?? null);
  const numericCategories =
    categoryValues.some((value) => value !== null) &&
    categoryValues.every((value) => value === null || typeof value === 'number' || isDateValue(value));
  const firstCategory = cellAt(categories.firstRow, categories.column);
  const categoryFormat = categoryValues.some((value) => isDateValue(value))
    ? isDateCode(firstCategory?.numberFormat)
      ? (firstCategory?.numberFormat ?? DEFAULT_DATE_FORMAT)
      : DEFAULT_DATE_FORMAT
    : (firstCategory?.numberFormat ?? 'General');
  const categoryCache = numericCategories
    ? `<c:numRef><c:f>${escapeXml(range(categories.column))}</c:f><c:numCache><c:formatCode>${escapeXml(categoryFormat)}</c:formatCode>${count}${rows
        .map((row, index) => {
          const number = numberAt(row, categories.column);
          return number === undefined ? '' : `<c:pt idx="${index}"><c:v>${formatNumber(number)}</c:v></c:pt>`;
        })
        .join('')}</c:numCache></c:numRef>`
    : `<c:strRef><c:f>${escapeXml(range(categories.column))}</c:f><c:strCache>${count}${categoryValues
        .map((value, index) => {
          const text = textOf(value) ?? (typeof value === 'number' ? formatNumber(value) : undefined);
          return text === undefined ? '' : `<c:pt idx="${index}"><c:v>${escapeXml(text)}</c:v></c:pt>`;
        })
        .join('')}</c:strCache></c:strRef>`;
  const series = chart.series
    .map((serie, index) => {
      const nameValue = cellAt(serie.nameRow, serie.column)?.value ?? null;
      const name = textOf(nameValue) ?? (typeof nameValue === 'number' ? formatNumber(nameValue) : '');
      const valueFormat = cellAt(categories.firstRow, serie.column)?.numberFormat ?? 'General';
      const points = rows
        .map((row, point) => {
          const number = numberAt(row, serie.column);
          return number === undefined ? '' : `<c:pt idx="${point}"><c:v>${formatNumber(number)}</c:v></c:pt>`;
        })
        .join('');
      const tx = `<c:tx><c:strRef><c:f>${escapeXml(`${sheet}!${absoluteAddress(serie.nameRow, serie.column)}`)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
      const values = `<c:val><c:numRef><c:f>${escapeXml(range(serie.column))}</c:f><c:numCache><c:formatCode>${escapeXml(valueFormat)}</c:formatCode>${count}${points}</c:numCache></c:numRef></c:val>`;
      return chart.kind === 'line'
        ? `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${tx}<c:marker><c:symbol val="circle"/></c:marker><c:cat>${categoryCache}</c:cat>${values}<c:smooth val="0"/></c:ser>`
        : `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${tx}<c:invertIfNegative val="0"/><c:cat>${categoryCache}</c:cat>${values}</c:ser>`;
    })
    .join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot =
    chart.kind === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const horizontal = chart.kind === 'bar';
  // The value axis shows its numbers as the first series' cells do (0%, € 1,400,000), not as General.
  const [firstSeries] = chart.series;
  const axisFormat =
    (firstSeries && cellAt(categories.firstRow, firstSeries.column)?.numberFormat) || 'General';
  const common = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${namespaces.chart}" xmlns:a="${namespaces.drawing}" xmlns:r="${namespaces.relationships}">` +
    `${options.date1904 ? '<c:date1904 val="1"/>' : ''}<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    // A bar chart lists its categories top down, first first (the best initiative at the top, as the table), its
    // value axis at the bottom; every category is labelled.
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="${escapeXml(categoryFormat)}" sourceLinked="1"/>${common}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(axisFormat)}" sourceLinked="1"/>${common}<c:crossAx val="500000001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    // One series needs no legend: the title names it.
    `</c:plotArea>${chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : ''}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

export function drawingXml(
  charts: readonly PlanChart[],
  chartIds: readonly string[],
  namespaces: Namespaces,
): string {
  const anchors = charts
    .map((chart, index) => {
      const { anchor } = chart;
      const corner = (row: number, column: number) =>
        `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(anchor.row, anchor.column)}</xdr:from>` +
        `<xdr:to>${corner(anchor.row + anchor.rows, anchor.column + anchor.columns)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(`Chart ${index + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${namespaces.chart}"><c:chart xmlns:c="${namespaces.chart}" r:id="${chartIds[index] ?? ''}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${namespaces.spreadsheetDrawing}" xmlns:a="${namespaces.drawing}" xmlns:r="${namespaces.relationships}">${anchors}</xdr:wsDr>`;
}
