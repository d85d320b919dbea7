// The base of every proxy of the fake Excel host: properties readable only after load() and context.sync(),
// isNullObject known only after a sync, and collections whose items arrive with the properties loaded for them.

import { invalidArgument, notModelled, propertyNotLoaded } from './errors';
import type { FakeRequestContext } from './request-context';

/** One queued command: it runs at sync time, in order, and throws to fail the batch. */
export type Operation = () => void;

const encoder = new TextEncoder();

/** The size of `value` on the wire, as JSON in UTF-8 (how Office.js ships a batch and its results). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/** The part every proxy shares: loaded properties, readable only after load + sync. */
export abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: FakeRequestContext) {}

  /**
   * True when an *OrNullObject call found nothing. `OfficeExtension.ClientObject.isNullObject` TSDoc: "You must
   * call context.sync() before reading the isNullObject property." Before that sync it throws.
   */
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded('isNullObject');
    return this.nullState;
  }

  protected setNullState(isNull: boolean): void {
    this.nullState = isNull;
  }

  /** True once a sync has found this object missing. */
  protected get foundNull(): boolean {
    return this.nullState === true;
  }

  /**
   * A loaded property; PropertyNotLoaded unless it was loaded and synced. The docs do not say what a null
   * object's loaded properties read as: they stay unloaded here, so an add-in must test isNullObject first.
   */
  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as T;
  }

  /**
   * Queues the loading of `properties` ("a,b" or ["a", "b"]). "If you call the load() method ... without
   * specifying any parameters, all scalar properties ... will be loaded" (application-specific API model):
   * not modelled, the add-in must name what it reads.
   */
  load(properties?: string | readonly string[]): this {
    if (properties === undefined || (typeof properties !== 'string' && !Array.isArray(properties)))
      throw notModelled('load() without a list of properties');
    const list = (typeof properties === 'string' ? properties.split(',') : [...properties])
      .map((property) => property.trim())
      .filter(Boolean);
    if (list.length === 0) throw notModelled('load() without a list of properties');
    const keys = this.loadKeys(list);
    this.context.enqueue(() => {
      if (this.nullState === true) return;
      for (const key of keys) {
        const value = this.loadProperty(key);
        this.context.chargeResponse(jsonBytes(this.wireForm(key, value)));
        this.loaded.set(key, value);
      }
    });
    return this;
  }

  /** Marks the object found by the sync running now: isNullObject reads false (an item of a loaded collection). */
  markFound(): void {
    this.nullState = false;
  }

  /** Marks a property loaded now: an item's properties arrive with the collection that loaded it. */
  markLoaded(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }

  /** The keys the requested properties are kept under (a collection keeps "items/name" under "items"). */
  protected loadKeys(properties: readonly string[]): string[] {
    return [...properties];
  }

  /** What a loaded property looks like in the host's response (to measure it against the payload limit). */
  protected wireForm(_property: string, value: unknown): unknown {
    return value;
  }

  /** Reads `property` from the workbook, at sync time. */
  abstract loadProperty(property: string): unknown;
}

/** A collection: `load('items/name,items/showTotals')` loads its items, each with those properties. */
export abstract class ClientCollection<T extends ClientObject> extends ClientObject {
  private itemProperties: string[] = [];

  protected override loadKeys(properties: readonly string[]): string[] {
    this.itemProperties = properties
      .map((property) => (property.startsWith('items/') ? property.slice('items/'.length) : property))
      .filter((property) => property !== 'items');
    return ['items'];
  }

  loadProperty(): unknown {
    const items = this.loadItems();
    for (const item of items) {
      item.markFound();
      for (const property of this.itemProperties) item.markLoaded(property, item.loadProperty(property));
    }
    return items;
  }

  protected override wireForm(_property: string, items: unknown): unknown {
    return (items as T[]).map((item) =>
      Object.fromEntries(this.itemProperties.map((property) => [property, item.loadProperty(property)])),
    );
  }

  protected abstract loadItems(): T[];

  get items(): T[] {
    return this.read('items');
  }
}

/**
 * An object of settable properties, such as `range.format.font`: each assignment queues the operation its
 * setter returns ("You don't need to load the property before you set it", application-specific API model,
 * scalar and navigation properties). Reading one throws PropertyNotLoaded: these fakes do not load formats.
 * Assigning null fails at sync with InvalidArgument: "null is not a valid input for single property ... null
 * is not a valid value for the color property" ("Blank and null values in Excel add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
export function writeOnlyProxy<T extends Record<string, unknown>>(
  context: FakeRequestContext,
  location: string,
  setters: { [K in keyof T]: (value: T[K]) => void },
): T {
  const proxy = {} as T;
  for (const property of Object.keys(setters) as (keyof T & string)[]) {
    Object.defineProperty(proxy, property, {
      get: () => {
        throw propertyNotLoaded(property);
      },
      set: (value: T[typeof property]) =>
        context.enqueue(() => {
          if (value === null || value === undefined)
            throw invalidArgument(`${location}.${property} cannot be set to null`, `${location}.${property}`);
          setters[property](value);
        }, jsonBytes(value)),
    });
  }
  return proxy;
}
