/**
 * Every tablet of every site: its name, last sync, app version and whether it is revoked. A
 * tablet that has not synced for more than two days says so in words (and stands out), so a
 * coordinator sees a flat battery or a lost wifi password before the month's report.
 */
import type { AdminDevice, AdminSite } from './api.ts';
import { moment, t } from './format.ts';

/** Longer than this without a sync, an active tablet is called silent. */
export const SILENT_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/** Whether an active device has been silent too long (never synced: since it was added). */
export function isSilent(device: AdminDevice, now: Date): boolean {
  if (device.revokedAt !== null) return false;
  const since = device.lastSeenAt ?? device.createdAt;
  if (since === undefined) return true;
  return now.getTime() - Date.parse(since) > SILENT_AFTER_MS;
}

export function Devices({ sites, now }: { sites: readonly AdminSite[]; now: Date }) {
  return (
    <>
      {sites.map((site) => {
        const caption = t('dash.devices.caption', { site: site.name });
        const silent = site.devices.filter((device) => isSilent(device, now)).length;
        return (
          <div key={site.slug} class="devices">
            {silent > 0 ? (
              <p class="warning">{t('dash.devices.silentCount', { n: silent })}</p>
            ) : null}
            <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
              <table class="figures">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dash.devices.label')}</th>
                    <th scope="col">{t('dash.devices.lastSync')}</th>
                    <th scope="col">{t('dash.devices.version')}</th>
                    <th scope="col">{t('dash.devices.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {site.devices.length === 0 ? (
                    <tr>
                      <td colSpan={4}>{t('dash.devices.none')}</td>
                    </tr>
                  ) : (
                    site.devices.map((device) => {
                      const quiet = isSilent(device, now);
                      return (
                        <tr key={device.id} class={quiet ? 'silent' : undefined}>
                          <th scope="row">
                            {device.label ||
                              t('dash.devices.unnamed', { id: device.id.slice(0, 8) })}
                          </th>
                          <td>
                            {device.lastSeenAt
                              ? moment(device.lastSeenAt)
                              : t('dash.devices.never')}
                          </td>
                          <td>{device.appVersion ?? '–'}</td>
                          <td>
                            {device.revokedAt ? (
                              t('dash.devices.revoked', { date: moment(device.revokedAt) })
                            ) : quiet ? (
                              <strong>{t('dash.devices.silent')}</strong>
                            ) : (
                              t('dash.devices.active')
                            )}
                          </td>
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </>
  );
}
