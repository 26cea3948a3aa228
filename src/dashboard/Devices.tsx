/**
 * Every tablet of every site, with what it last said of its health: last sync, app version,
 * installed or in a tab, storage, taps it could not store, how far its clock is off, its last
 * error. A tablet silent for more than two of its site's counting days says so in words (and
 * stands out), so a coordinator sees a flat battery or a lost wifi password before the month's
 * report. A `manage` admin also adds sites and tablets, relabels, revokes and re-pairs tablets
 * here; a `read` admin sees the same list without any control.
 *
 * The table is a real table with headers; on a narrow screen each tablet becomes a block with
 * its headers beside the values (the roles are written out, as some browsers drop a table's
 * semantics when it is laid out as blocks).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type AdminDevice, type AdminSite, type Api } from './api.ts';
import { count, moment, t } from './format.ts';
import { CLOCK_SKEW_WARNING_MS, bytes, clockSkewMs, silence, siteRhythm } from './health.ts';
import {
  AddSiteForm,
  Problem,
  changeFailure,
  deviceName,
  field,
  nameProblem,
  slugTaken,
  type AddSite,
} from './Manage.tsx';

/** What a `manage` admin's page hands the list so it can change things. */
export interface Manage {
  api: Api;
  /** Applies a change the endpoint accepted to the page's sites. */
  update(change: (sites: AdminSite[]) => AdminSite[]): void;
  /** The token was refused during a change: the page signs out and says why. */
  refused(message: string): void;
  now(): Date;
}

/** What is open under a site's table: a form, a question, or a pairing code shown once. */
type Panel =
  | { kind: 'relabel' | 'revoke' | 'newCode'; site: string; device: AdminDevice }
  | { kind: 'code'; site: string; device: string; name: string; code: string; link: string };

const UNKNOWN = () => t('dash.devices.unknown');
const PANEL_TITLE = 'device-panel-title';
const PANEL_LABEL = 'device-panel-label';
const rowHeaderId = (id: string) => `device-${id}-name`;
const buttonId = (id: string, kind: string) => `device-${id}-${kind}`;
const addDeviceId = (slug: string) => `add-device-${slug}`;

/** "5 min", "3 t", "2 døgn". */
function span(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('dash.devices.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('dash.devices.hours', { n: hours });
  return t('dash.devices.days', { n: Math.round(hours / 24) });
}

function clockText(device: AdminDevice) {
  const skew = clockSkewMs(device);
  if (skew === undefined) return UNKNOWN();
  if (Math.abs(skew) < 60_000) return t('dash.devices.clockInStep');
  const text = t(skew > 0 ? 'dash.devices.clockAhead' : 'dash.devices.clockBehind', {
    span: span(Math.abs(skew)),
  });
  return Math.abs(skew) > CLOCK_SKEW_WARNING_MS ? <strong>{text}</strong> : text;
}

function storageText(device: AdminDevice) {
  const health = device.health;
  if (!health) return UNKNOWN();
  const usage =
    health.usageBytes !== null && health.quotaBytes !== null
      ? t('dash.devices.usage', { used: bytes(health.usageBytes), quota: bytes(health.quotaBytes) })
      : t('dash.devices.usageUnknown');
  if (health.persisted === false) {
    // A browser may clear storage that is not persistent: the counts not yet sent with it.
    return (
      <>
        <strong>{t('dash.devices.notPersisted')}</strong>, {usage}
      </>
    );
  }
  const persisted =
    health.persisted === true ? t('dash.devices.persisted') : t('dash.devices.persistUnknown');
  return `${persisted}, ${usage}`;
}

function unsavedText(device: AdminDevice) {
  const health = device.health;
  if (!health) return UNKNOWN();
  return health.unsavedTaps > 0 ? <strong>{count(health.unsavedTaps)}</strong> : count(0);
}

const COLUMNS = [
  'dash.devices.lastSync',
  'dash.devices.version',
  'dash.devices.runsAs',
  'dash.devices.storage',
  'dash.devices.unsaved',
  'dash.devices.clock',
  'dash.devices.lastError',
  'dash.devices.status',
] as const;

/** Each device of the sites whose id is `id`, changed by `change`. */
const changeDevice =
  (id: string, change: (device: AdminDevice) => AdminDevice) => (sites: AdminSite[]) =>
    sites.map((site) =>
      site.devices.some((device) => device.id === id)
        ? {
            ...site,
            devices: site.devices.map((device) => (device.id === id ? change(device) : device)),
          }
        : site,
    );

export function Devices({
  sites,
  now,
  manage,
}: {
  /** The sites, each judged by the dates it counted that the endpoint lists with it. */
  sites: readonly AdminSite[];
  now: Date;
  manage?: Manage | undefined;
}) {
  const [panel, setPanel] = useState<Panel>();
  const [problem, setProblem] = useState<string>();
  const [addProblem, setAddProblem] = useState<{ site: string; text: string }>();
  const [status, setStatus] = useState('');
  const [focusId, setFocusId] = useState<string>();
  const busy = useRef(false);

  // Focus moves once the page holds what an action changed, before it is painted.
  useLayoutEffect(() => {
    if (focusId === undefined) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  /** Runs a change once at a time; a refused token signs the page out. */
  async function attempt<T>(
    work: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | undefined> {
    if (busy.current) return undefined;
    busy.current = true;
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (error instanceof ApiError && error.failure.reason === 'refused') {
        manage?.refused(t('dash.signIn.refused'));
      }
      return { ok: false, error };
    } finally {
      busy.current = false;
    }
  }

  const open = (kind: 'relabel' | 'revoke' | 'newCode', site: AdminSite, device: AdminDevice) => {
    setPanel({ kind, site: site.slug, device });
    setProblem(undefined);
    setStatus('');
    setFocusId(kind === 'relabel' ? PANEL_LABEL : PANEL_TITLE);
  };
  const close = (focus: string) => {
    setPanel(undefined);
    setProblem(undefined);
    setFocusId(focus);
  };

  const addSite: AddSite = async (slug, name) => {
    if (!manage) return undefined;
    if (sites.some((one) => one.slug === slug)) {
      return { field: 'slug', text: t('dash.manage.error.siteExists', { slug }) };
    }
    const done = await attempt(() => manage.api.addSite(slug, name));
    if (done === undefined) return 'busy';
    if (!done.ok) {
      return slugTaken(done.error)
        ? { field: 'slug', text: t('dash.manage.error.siteExists', { slug }) }
        : { field: null, text: changeFailure(done.error, 'dash.manage.error.invalid') };
    }
    manage.update((list) => [...list, done.value]);
    setPanel(undefined);
    setStatus(t('dash.manage.siteAdded', { site: done.value.name }));
    setFocusId(addDeviceId(slug));
    return undefined;
  };

  async function addDevice(site: AdminSite, form: HTMLFormElement) {
    if (!manage) return;
    const input = field(form, 'label');
    const wrong = nameProblem(input.value, null);
    if (wrong) {
      setAddProblem({ site: site.slug, text: wrong });
      input.focus();
      return;
    }
    const done = await attempt(() => manage.api.addDevice(site.slug, input.value.trim() || null));
    if (done === undefined) return;
    if (!done.ok) {
      setAddProblem({
        site: site.slug,
        text: changeFailure(done.error, 'dash.manage.error.noSite'),
      });
      return;
    }
    const { device, code, link } = done.value;
    manage.update((list) =>
      list.map((one) =>
        one.slug === site.slug ? { ...one, devices: [...one.devices, device] } : one,
      ),
    );
    form.reset();
    setAddProblem(undefined);
    const name = deviceName(device);
    setPanel({ kind: 'code', site: site.slug, device: device.id, name, code, link });
    setProblem(undefined);
    setStatus(t('dash.manage.deviceAdded', { device: name, site: site.name }));
    setFocusId(PANEL_TITLE);
  }

  async function relabel(device: AdminDevice, form: HTMLFormElement) {
    if (!manage) return;
    const input = field(form, 'label');
    const wrong = nameProblem(input.value, null);
    if (wrong) {
      setProblem(wrong);
      input.focus();
      return;
    }
    const label = input.value.trim() || null;
    const done = await attempt(() => manage.api.labelDevice(device.id, label));
    if (done === undefined) return;
    if (!done.ok) {
      setProblem(changeFailure(done.error, 'dash.manage.error.noDevice'));
      return;
    }
    manage.update(changeDevice(device.id, (one) => ({ ...one, label })));
    const renamed = deviceName({ ...device, label });
    setStatus(t(label ? 'dash.manage.relabelled' : 'dash.manage.unlabelled', { device: renamed }));
    close(buttonId(device.id, 'relabel'));
  }

  async function revoke(device: AdminDevice) {
    if (!manage) return;
    const done = await attempt(() => manage.api.revokeDevice(device.id));
    if (done === undefined) return;
    if (!done.ok) {
      setProblem(changeFailure(done.error, 'dash.manage.error.noDevice'));
      return;
    }
    // The endpoint answers no time: the browser's clock stands in until the page is loaded again.
    const revokedAt = manage.now().toISOString();
    manage.update(changeDevice(device.id, (one) => ({ ...one, revokedAt })));
    setStatus(t('dash.manage.revoked', { device: deviceName(device) }));
    close(rowHeaderId(device.id));
  }

  async function newCode(site: string, device: AdminDevice) {
    if (!manage) return;
    const done = await attempt(() => manage.api.newCode(device.id));
    if (done === undefined) return;
    if (!done.ok) {
      setProblem(changeFailure(done.error, 'dash.manage.error.noDevice'));
      return;
    }
    const name = deviceName(device);
    setPanel({ kind: 'code', site, device: device.id, name, ...done.value });
    setProblem(undefined);
    setStatus(t('dash.manage.codeShown', { device: name }));
    setFocusId(PANEL_TITLE);
  }

  function renderPanel(site: AdminSite) {
    if (!panel || panel.site !== site.slug) return null;
    if (panel.kind === 'code') {
      return (
        <section class="panel code-panel" aria-labelledby={PANEL_TITLE}>
          <h3 id={PANEL_TITLE} tabIndex={-1}>
            {t('dash.manage.codeTitle', { device: panel.name })}
          </h3>
          <p class="note">
            <strong>{t('dash.manage.codeOnce')}</strong>
          </p>
          <dl>
            <dt>{t('dash.manage.code')}</dt>
            <dd>
              <code class="pairing-code">{panel.code}</code>
            </dd>
            <dt>{t('dash.manage.link')}</dt>
            <dd>
              <code class="pairing-link">{panel.link}</code>
            </dd>
          </dl>
          <button type="button" onClick={() => close(rowHeaderId(panel.device))}>
            {t('dash.manage.codeDone')}
          </button>
        </section>
      );
    }
    const { device } = panel;
    const name = deviceName(device);
    const cancel = (
      <button
        type="button"
        class="secondary"
        onClick={() => close(buttonId(device.id, panel.kind))}
      >
        {t('dash.manage.cancel')}
      </button>
    );
    if (panel.kind === 'relabel') {
      return (
        <form
          key={`relabel-${device.id}`}
          class="panel"
          aria-labelledby={PANEL_TITLE}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void relabel(device, event.currentTarget as HTMLFormElement);
          }}
        >
          <h3 id={PANEL_TITLE} tabIndex={-1}>
            {t('dash.manage.relabelTitle', { device: name })}
          </h3>
          <label for={PANEL_LABEL}>{t('dash.manage.newLabel')}</label>
          <input
            id={PANEL_LABEL}
            name="label"
            autocomplete="off"
            defaultValue={device.label ?? ''}
            aria-describedby={`device-panel-hint${problem ? ' device-panel-problem' : ''}`}
            aria-invalid={problem ? true : undefined}
          />
          <p id="device-panel-hint" class="hint">
            {t('dash.manage.newLabelHint')}
          </p>
          <Problem id="device-panel-problem" text={problem} />
          <div class="buttons">
            <button type="submit">{t('dash.manage.saveLabel')}</button>
            {cancel}
          </div>
        </form>
      );
    }
    const revoking = panel.kind === 'revoke';
    return (
      <section
        key={`${panel.kind}-${device.id}`}
        class="panel confirm"
        aria-labelledby={PANEL_TITLE}
      >
        <h3 id={PANEL_TITLE} tabIndex={-1}>
          {t(revoking ? 'dash.manage.revokeTitle' : 'dash.manage.newCodeTitle', { device: name })}
        </h3>
        <p>
          {t(revoking ? 'dash.manage.revokeWarning' : 'dash.manage.newCodeWarning', {
            device: name,
          })}
        </p>
        <Problem id="device-panel-problem" text={problem} />
        <div class="buttons">
          <button
            type="button"
            class={revoking ? 'danger' : undefined}
            onClick={() => void (revoking ? revoke(device) : newCode(site.slug, device))}
          >
            {revoking
              ? t('dash.manage.revokeConfirm', { device: name })
              : t('dash.manage.newCodeConfirm')}
          </button>
          {cancel}
        </div>
      </section>
    );
  }

  return (
    <>
      <p class="note">{t('dash.devices.silentRule')}</p>
      {manage ? (
        <p role="status" class="status">
          {status}
        </p>
      ) : null}
      {sites.map((site) => {
        const caption = t('dash.devices.caption', { site: site.name });
        const rhythm = siteRhythm(site.countedDates);
        const judged = site.devices.map((device) => silence(device, now, rhythm));
        const silent = judged.filter((one) => one.silent).length;
        const byOpeningDays = rhythm !== undefined;
        return (
          <div key={site.slug} class="devices">
            {silent > 0 ? (
              <p class="warning">
                {t(byOpeningDays ? 'dash.devices.silentOpeningCount' : 'dash.devices.silentCount', {
                  n: silent,
                })}
              </p>
            ) : null}
            <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
              {/* The roles are written out: a narrow screen lays the table out as blocks. */}
              <table class="figures device-table" role="table">
                <caption>{caption}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">
                      {t('dash.devices.label')}
                    </th>
                    {COLUMNS.map((key) => (
                      <th key={key} scope="col" role="columnheader">
                        {t(key)}
                      </th>
                    ))}
                    {manage ? (
                      <th scope="col" role="columnheader">
                        {t('dash.devices.actions')}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {site.devices.length === 0 ? (
                    <tr role="row">
                      <td role="cell" colSpan={COLUMNS.length + (manage ? 2 : 1)}>
                        {t('dash.devices.none')}
                      </td>
                    </tr>
                  ) : (
                    site.devices.map((device, index) => {
                      const quiet = judged[index]!.silent;
                      const name = deviceName(device);
                      const health = device.health ?? null;
                      const cells = [
                        device.lastSeenAt ? moment(device.lastSeenAt) : t('dash.devices.never'),
                        health?.appVersion ?? device.appVersion ?? UNKNOWN(),
                        health
                          ? t(health.installed ? 'dash.devices.installed' : 'dash.devices.inTab')
                          : UNKNOWN(),
                        storageText(device),
                        unsavedText(device),
                        clockText(device),
                        health ? (health.lastError ?? t('dash.devices.noError')) : UNKNOWN(),
                        device.revokedAt ? (
                          t('dash.devices.revoked', { date: moment(device.revokedAt) })
                        ) : quiet ? (
                          <strong>
                            {t(
                              byOpeningDays ? 'dash.devices.silentOpening' : 'dash.devices.silent',
                            )}
                          </strong>
                        ) : (
                          t('dash.devices.active')
                        ),
                      ];
                      return (
                        <tr key={device.id} role="row" class={quiet ? 'silent' : undefined}>
                          <th
                            scope="row"
                            role="rowheader"
                            id={rowHeaderId(device.id)}
                            tabIndex={-1}
                          >
                            {name}
                          </th>
                          {cells.map((cell, column) => (
                            <td key={COLUMNS[column]} role="cell" data-label={t(COLUMNS[column]!)}>
                              {cell}
                            </td>
                          ))}
                          {manage ? (
                            <td role="cell" class="actions" data-label={t('dash.devices.actions')}>
                              <button
                                type="button"
                                id={buttonId(device.id, 'relabel')}
                                aria-label={t('dash.manage.relabelNamed', { device: name })}
                                onClick={() => open('relabel', site, device)}
                              >
                                {t('dash.manage.relabel')}
                              </button>
                              {device.revokedAt === null ? (
                                <>
                                  <button
                                    type="button"
                                    id={buttonId(device.id, 'newCode')}
                                    aria-label={t('dash.manage.newCodeNamed', { device: name })}
                                    onClick={() => open('newCode', site, device)}
                                  >
                                    {t('dash.manage.newCode')}
                                  </button>
                                  <button
                                    type="button"
                                    class="danger"
                                    id={buttonId(device.id, 'revoke')}
                                    aria-label={t('dash.manage.revokeNamed', { device: name })}
                                    onClick={() => open('revoke', site, device)}
                                  >
                                    {t('dash.manage.revoke')}
                                  </button>
                                </>
                              ) : null}
                            </td>
                          ) : null}
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
            {renderPanel(site)}
            {manage ? (
              <form
                class="manage-form"
                aria-labelledby={`${addDeviceId(site.slug)}-title`}
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  void addDevice(site, event.currentTarget as HTMLFormElement);
                }}
              >
                <h3 id={`${addDeviceId(site.slug)}-title`}>
                  {t('dash.manage.addDevice', { site: site.name })}
                </h3>
                <label for={addDeviceId(site.slug)}>{t('dash.manage.deviceLabel')}</label>
                <input
                  id={addDeviceId(site.slug)}
                  name="label"
                  autocomplete="off"
                  aria-describedby={`${addDeviceId(site.slug)}-hint${addProblem?.site === site.slug ? ` ${addDeviceId(site.slug)}-problem` : ''}`}
                  aria-invalid={addProblem?.site === site.slug ? true : undefined}
                />
                <p id={`${addDeviceId(site.slug)}-hint`} class="hint">
                  {t('dash.manage.deviceLabelHint')}
                </p>
                <Problem
                  id={`${addDeviceId(site.slug)}-problem`}
                  text={addProblem?.site === site.slug ? addProblem.text : undefined}
                />
                <button type="submit">
                  {t('dash.manage.addDeviceSubmit', { site: site.name })}
                </button>
              </form>
            ) : null}
          </div>
        );
      })}
      {manage ? <AddSiteForm onAdd={addSite} /> : null}
    </>
  );
}
