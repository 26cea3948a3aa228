/**
 * The settings editor's one form renderer: a list of field specs (property, label, kind) over a
 * plain object, nested for lists and sub-objects. Described as data so the lead's whole
 * configuration fits in a few kilobytes of staff code; every control is labelled.
 */
import type { MessageKey, Translator } from '../../../i18n/index.ts';
import { LANGUAGES, type Language, type LocalizedText } from '../../../shared/site-config.ts';
import type { Refusal } from '../../../state/staff.ts';

/** Choices as [value, label shown]. */
export type Choices = readonly (readonly [string | number, string])[];

/** Every property name of an object type, of each member of a union. */
type KeyOf<T> = T extends unknown ? keyof T & string : never;
/** The value at a property of an object type (of the union members that have it). */
type At<T, P extends string> = T extends unknown
  ? P extends keyof T
    ? Exclude<T[P], undefined>
    : never
  : never;

/** How a property holding a value of type V is edited: the kinds that fit V. */
export type Kind<V> =
  | (V extends string ? 'text' | 'time' | 'date' : never)
  | (V extends number ? 'int' | 'count' : never)
  | (V extends boolean ? 'check' : never)
  | (V extends string | number ? { choose: Choices; optional?: true } : never)
  | (V extends readonly (string | number)[] ? { set: Choices; optional?: true } : never)
  | (V extends readonly string[] ? 'dates' : never)
  | (V extends { nb: string } ? 'nb' : never)
  | (V extends readonly (infer Item extends object)[]
      ? {
          rows: (item: Item) => Spec<Item>[];
          add: [MessageKey, Item][];
          keep?: (item: Item) => boolean;
        }
      : never)
  | (V extends readonly unknown[]
      ? never
      : V extends object
        ? { fields: Spec<V>[]; fresh?: V }
        : never);

/** One field: a property of T (the configuration's own name), its label and how it is edited. */
export type Spec<T> = {
  [P in KeyOf<T>]: readonly [prop: P, label: MessageKey, kind: Kind<At<T, P>>];
}[KeyOf<T>];

/**
 * The spec maker for objects of type T: `field('name', label, 'text')` checks that `name` is a
 * property of T and that the kind fits its value.
 */
export function specsOf<T>() {
  return <P extends KeyOf<T>>(prop: P, label: MessageKey, kind: Kind<At<T, P>>): Spec<T> =>
    [prop, label, kind] as unknown as Spec<T>;
}

/** Any spec, as the renderer walks it (it reads each value by the kind its spec names). */
type AnySpec = readonly [prop: string, label: MessageKey, kind: AnyKind];
type AnyKind =
  | 'text'
  | 'nb'
  | 'int'
  | 'count'
  | 'time'
  | 'date'
  | 'check'
  | 'dates'
  | { choose: Choices; optional?: true }
  | { set: Choices; optional?: true }
  | {
      rows: (item: never) => readonly AnySpec[];
      add: [MessageKey, object][];
      keep?: (item: never) => boolean;
    }
  | { fields: readonly AnySpec[]; fresh?: object };
/** An edited object as the renderer sees it: its values are read by their spec's kind. */
type Value = Readonly<Record<string, unknown>>;
type Localized = Partial<LocalizedText> | undefined;

/**
 * A refusal in the lead's words; a schema field's dotted path is named with the labels of the
 * form that edits it ("Tellere › nr. 3 › Navn").
 */
export function refusalText<T>(
  { t }: Translator,
  refusal: Refusal,
  specs: readonly Spec<T>[] = [],
): string {
  const params = { ...refusal.params };
  if (typeof params['problemKey'] === 'string') {
    params['problem'] = t(params['problemKey'] as MessageKey, params);
  }
  if (typeof params['field'] === 'string') {
    let level: readonly AnySpec[] | undefined = specs as readonly AnySpec[];
    params['field'] = params['field']
      .split('.')
      .flatMap((part) => {
        if (/^\d+$/.test(part)) return [`nr. ${Number(part) + 1}`];
        const spec = level?.find(([prop]) => prop === part);
        const kind = spec?.[2];
        level =
          typeof kind !== 'object'
            ? undefined
            : 'rows' in kind
              ? kind.rows({} as never)
              : 'fields' in kind
                ? kind.fields
                : undefined;
        // A translation is named by its language; bokmål is the field itself.
        if (spec) return [t(spec[1])];
        if (part === 'nb') return [];
        return (LANGUAGES as readonly string[]).includes(part)
          ? [t(`lang.${part}` as MessageKey)]
          : [part];
      })
      .join(' › ');
  }
  return t(refusal.key, params);
}

/** A save's or import's outcome, announced politely or as an alert. */
export type Message = { ok: boolean; text: string };

export function Feedback({ message }: { message: Message | undefined }) {
  return message ? (
    <p role={message.ok ? 'status' : 'alert'} class={`staff-message${message.ok ? '' : ' warn'}`}>
      {message.text}
    </p>
  ) : null;
}

export function TextField({
  label,
  value,
  onChange,
  type = 'text',
}: {
  label: string;
  value: unknown;
  onChange(value: string): void;
  type?: string;
}) {
  return (
    <label class="field">
      {label}
      {/* Numbers are typed as text on a numeric keypad: a number input swallows what it cannot
          parse, and the lead must see what they typed to read the refusal. */}
      <input
        type={(type === 'int' || type === 'count' ? 'text' : type) as 'text'}
        inputMode={type === 'int' || type === 'count' ? 'numeric' : undefined}
        value={(value as string) ?? ''}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
    </label>
  );
}

/**
 * A text the visitor reads: bokmål, and under it a disclosure with the site's other languages.
 * An empty translation is dropped, so the door shows bokmål there.
 */
function LocalizedField({
  label,
  value,
  languages,
  translator: { t },
  onChange,
}: {
  label: string;
  value: Partial<LocalizedText> | undefined;
  languages: readonly Language[];
  translator: Translator;
  onChange(value: Partial<LocalizedText>): void;
}) {
  const others = languages.filter((language) => language !== 'nb');
  const put = (language: Language, typed: string) => {
    const { [language]: _old, ...rest } = value ?? {};
    onChange(typed === '' && language !== 'nb' ? rest : { ...rest, [language]: typed });
  };
  return (
    <div class="localized">
      <TextField label={label} value={value?.nb} onChange={(typed) => put('nb', typed)} />
      {others.length > 0 ? (
        <details class="translations">
          <summary>{t('staff.settings.translations')}</summary>
          {others.map((language) => (
            <label class="field" key={language}>
              {/* The field's name is read out before the language, so each input is unique. */}
              <span class="visually-hidden">{label}: </span>
              <span lang={language}>{t(`lang.${language}` as MessageKey)}</span>
              {/* Each runs in the direction of what is typed: an Arabic text right to left. */}
              <input
                type="text"
                lang={language}
                dir="auto"
                placeholder={value?.nb}
                value={value?.[language] ?? ''}
                onInput={(event) => put(language, event.currentTarget.value)}
              />
            </label>
          ))}
        </details>
      ) : null}
    </div>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <label class="choice">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {label}
    </label>
  );
}

/**
 * The fields of one object; `onChange` gets a new object (an absent value drops the key).
 * A visitor's text is edited in bokmål and in `languages`: by default the languages the
 * edited configuration offers (its `languages`), or all of them.
 */
export function Fields<T extends object>(props: {
  value: T;
  specs: readonly Spec<T>[];
  translator: Translator;
  languages?: readonly Language[];
  onChange(value: T): void;
}) {
  const offered = (props.value as { languages?: unknown }).languages;
  return (
    <AnyFields
      value={props.value as Value}
      specs={props.specs as readonly AnySpec[]}
      translator={props.translator}
      languages={props.languages ?? (Array.isArray(offered) ? offered : LANGUAGES)}
      onChange={props.onChange as (value: Value) => void}
    />
  );
}

function AnyFields({
  value,
  specs,
  translator,
  languages,
  onChange,
}: {
  value: Value;
  specs: readonly AnySpec[];
  translator: Translator;
  languages: readonly Language[];
  onChange(value: Value): void;
}) {
  const { t } = translator;
  return (
    <>
      {specs.map(([prop, labelKey, kind]) => {
        const current = value[prop];
        const label = t(labelKey);
        const put = (next: unknown) => {
          const { [prop]: _old, ...rest } = value;
          onChange(next === undefined ? rest : { ...rest, [prop]: next });
        };
        if (kind === 'check') {
          // An optional flag is on until it is switched off (a counter's `enabled`).
          return <Check key={prop} label={label} checked={current !== false} onChange={put} />;
        }
        if (kind === 'nb') {
          return (
            <LocalizedField
              key={prop}
              label={label}
              value={current as Localized}
              languages={languages}
              translator={translator}
              onChange={put}
            />
          );
        }
        if (kind === 'dates') {
          return (
            <TextField
              key={prop}
              label={label}
              value={(current as string[]).join(', ')}
              // A trailing separator stays while typing: the empty piece is dropped on save.
              onChange={(typed) => put(typed.split(/[\s,;]+/))}
            />
          );
        }
        if (typeof kind === 'string') {
          const number = kind === 'int' || kind === 'count';
          return (
            <TextField
              key={prop}
              label={label}
              type={kind}
              value={current}
              onChange={(typed) =>
                put(
                  !number
                    ? typed
                    : typed.trim() === '' && kind === 'count'
                      ? undefined
                      : /^\s*\d+\s*$/.test(typed)
                        ? Number(typed)
                        : typed,
                )
              }
            />
          );
        }
        if ('choose' in kind) {
          return (
            <label class="field" key={prop}>
              {label}
              <select
                value={(current as string | number | undefined) ?? ''}
                onChange={(event) => put(event.currentTarget.value || undefined)}
              >
                {kind.choose.map(([choice, text]) => (
                  <option key={choice} value={choice}>
                    {text}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        if ('set' in kind) {
          const chosen = (current as unknown[] | undefined) ?? [];
          return (
            <fieldset class="choices" key={prop}>
              <legend>{label}</legend>
              {kind.set.map(([choice, text]) => (
                <Check
                  key={choice}
                  label={text}
                  checked={chosen.includes(choice)}
                  onChange={(on) => {
                    const next = kind.set
                      .map(([other]) => other)
                      .filter((other) => (other === choice ? on : chosen.includes(other)));
                    put(next.length === 0 && kind.optional ? undefined : next);
                  }}
                />
              ))}
            </fieldset>
          );
        }
        if ('fields' in kind) {
          return (
            <fieldset class="settings-part" key={prop}>
              <legend>{label}</legend>
              {kind.fresh ? (
                <Check
                  label={label}
                  checked={current !== undefined}
                  onChange={(on) => put(on ? kind.fresh : undefined)}
                />
              ) : null}
              {current ? (
                <AnyFields
                  value={current as Value}
                  specs={kind.fields}
                  translator={translator}
                  languages={languages}
                  onChange={put}
                />
              ) : null}
            </fieldset>
          );
        }
        const rows = (current as Value[] | undefined) ?? [];
        const setRows = (next: Value[]) => put(next.length > 0 ? next : undefined);
        return (
          <fieldset class="settings-part" key={prop}>
            <legend>{label}</legend>
            {rows.map((row, i) => {
              const name =
                nbOf(row['name']) ||
                nbOf(row['title']) ||
                nbOf(row['label']) ||
                `${label} ${i + 1}`;
              return (
                <fieldset class="settings-item" key={i}>
                  <legend>{name}</legend>
                  <AnyFields
                    value={row}
                    specs={kind.rows(row as never)}
                    translator={translator}
                    languages={languages}
                    onChange={(next) => setRows(rows.map((old, j) => (j === i ? next : old)))}
                  />
                  {kind.keep?.(row as never) ? null : (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => setRows(rows.filter((_, j) => j !== i))}
                    >
                      {t('staff.settings.remove', { what: name })}
                    </button>
                  )}
                </fieldset>
              );
            })}
            {kind.add.map(([addKey, fresh]) => (
              <button
                key={addKey}
                type="button"
                class="secondary"
                onClick={() => setRows([...rows, fresh as Value])}
              >
                {t(addKey, { what: nbOf(value['name']) })}
              </button>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

function nbOf(text: unknown): string {
  return (text as Localized)?.nb ?? '';
}
