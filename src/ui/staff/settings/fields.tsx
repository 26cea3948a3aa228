/**
 * The settings editor's one form renderer: a list of field specs (property, label, kind) over a
 * plain object, nested for lists and sub-objects. Described as data so the lead's whole
 * configuration fits in a few kilobytes of staff code; every control is labelled.
 */
import type { MessageKey, Translator } from '../../../i18n/index.ts';
import type { Refusal } from '../../../state/settings.ts';

/** Choices as [value, label shown]. */
export type Choices = readonly (readonly [string | number, string])[];

/** How a property is edited. */
export type Kind =
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
  | { rows: (item: Value) => Spec[]; add: [MessageKey, Value][]; keep?: (item: Value) => boolean }
  | { fields: Spec[]; fresh?: Value };

export type Spec = readonly [prop: string, label: MessageKey, kind: Kind];
type Value = Record<string, any>;

/**
 * A refusal in the lead's words; a schema field's dotted path is named with the labels of the
 * form that edits it ("Tellere › nr. 3 › Navn").
 */
export function refusalText(
  { t }: Translator,
  refusal: Refusal,
  specs: readonly Spec[] = [],
): string {
  const params = { ...refusal.params };
  if (typeof params['problemKey'] === 'string') {
    params['problem'] = t(params['problemKey'] as MessageKey);
  }
  if (typeof params['field'] === 'string') {
    let level: readonly Spec[] | undefined = specs;
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
              ? kind.rows({})
              : 'fields' in kind
                ? kind.fields
                : undefined;
        return spec ? [t(spec[1])] : part === 'nb' ? [] : [part];
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

/** The fields of one object; `onChange` gets a new object (an absent value drops the key). */
export function Fields({
  value,
  specs,
  translator,
  onChange,
}: {
  value: Value;
  specs: readonly Spec[];
  translator: Translator;
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
          return <Check key={prop} label={label} checked={!!current} onChange={put} />;
        }
        if (kind === 'nb') {
          return (
            <TextField
              key={prop}
              label={label}
              value={current?.nb}
              onChange={(nb) => put({ ...current, nb })}
            />
          );
        }
        if (kind === 'dates') {
          return (
            <TextField
              key={prop}
              label={label}
              value={current.join(', ')}
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
                value={current ?? ''}
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
          const chosen: unknown[] = current ?? [];
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
                <Fields
                  value={current}
                  specs={kind.fields}
                  translator={translator}
                  onChange={put}
                />
              ) : null}
            </fieldset>
          );
        }
        const rows: Value[] = current ?? [];
        const setRows = (next: Value[]) => put(next.length > 0 ? next : undefined);
        return (
          <fieldset class="settings-part" key={prop}>
            <legend>{label}</legend>
            {rows.map((row, i) => {
              const name = row.name?.nb || row.title?.nb || row.label?.nb || `${label} ${i + 1}`;
              return (
                <fieldset class="settings-item" key={i}>
                  <legend>{name}</legend>
                  <Fields
                    value={row}
                    specs={kind.rows(row)}
                    translator={translator}
                    onChange={(next) => setRows(rows.map((old, j) => (j === i ? next : old)))}
                  />
                  {kind.keep?.(row) ? null : (
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
                onClick={() => setRows([...rows, fresh])}
              >
                {t(addKey, { what: name(value) })}
              </button>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

function name(value: Value): string {
  return value['name']?.nb ?? '';
}
