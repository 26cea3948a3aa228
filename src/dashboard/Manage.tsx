/**
 * The changes a `manage` admin makes from the dashboard, as small forms: a new site, a new
 * device on a site, and the panel under a site's table that relabels a device, asks before
 * revoking it or giving it a new pairing code, and shows a pairing code once. The forms keep
 * what was typed until the endpoint has accepted it, so a refused change loses nothing.
 */
import { useState } from 'preact/hooks';
import { PLAIN_TEXT_PATTERN } from '../shared/protocol.ts';
import { SLUG_PATTERN } from '../shared/slug.ts';
import { ApiError, type AdminDevice } from './api.ts';
import { t } from './format.ts';
import type { MessageKey } from '../i18n/nb.ts';

/** The longest site name or device label the endpoint takes (MAX_NAME_LENGTH of the admin API). */
export const MAX_NAME_LENGTH = 200;

/** How a device is called on the page: its label, or the start of its id. */
export const deviceName = (device: AdminDevice): string =>
  device.label || t('dash.devices.unnamed', { id: device.id.slice(0, 8) });

/** What is wrong with a typed name, if anything; `optional` lets it be empty. */
export function nameProblem(name: string, empty: MessageKey | null): string | undefined {
  if (name.trim() === '') return empty ? t(empty) : undefined;
  if (name.length > MAX_NAME_LENGTH)
    return t('dash.manage.problem.tooLong', { n: MAX_NAME_LENGTH });
  // The endpoint refuses control and bidi characters; a pasted tab or line break is the usual one.
  if (!PLAIN_TEXT_PATTERN.test(name)) return t('dash.manage.problem.control');
  return undefined;
}

/**
 * A failed change in words. A refused token is not worded here: the page signs out. `notFound`
 * words a 404 (an unknown site or device).
 */
export function changeFailure(error: unknown, notFound: MessageKey): string {
  if (!(error instanceof ApiError)) return t('dash.manage.error.network');
  const failure = error.failure;
  switch (failure.reason) {
    case 'rejected':
      if (failure.status === 404) return t(notFound);
      if (failure.status === 413) {
        return t('dash.manage.problem.tooLong', { n: MAX_NAME_LENGTH });
      }
      return t('dash.manage.error.invalid');
    case 'server':
      return t('dash.manage.error.server', { status: failure.status });
    case 'network':
      return t('dash.manage.error.network');
    case 'refused':
      return t('dash.signIn.refused');
  }
}

/** Whether the endpoint refused a new site because its slug is taken. */
export const slugTaken = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.failure.reason === 'rejected' &&
  error.failure.status === 400 &&
  error.failure.issues.some((issue) => issue.path === 'slug' && /exists/.test(issue.message));

/** A form's field by name. */
export const field = (form: HTMLFormElement, name: string): HTMLInputElement =>
  form.elements.namedItem(name) as HTMLInputElement;

/** An error under a form, announced when it appears; nothing when there is none. */
export function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} role="alert" class="problem">
      {text}
    </p>
  ) : null;
}

/**
 * What the add-site form hands on once the typed site is well formed: undefined when the site was
 * added, `busy` while another change runs, or what went wrong and on which field, if on one.
 */
export type AddSite = (
  slug: string,
  name: string,
) => Promise<undefined | 'busy' | { field: 'slug' | 'name' | null; text: string }>;

/**
 * The form for a new site: a slug (fixed for good, so its rule is shown beside it) and a name.
 */
export function AddSiteForm({ onAdd }: { onAdd: AddSite }) {
  const [problem, setProblem] = useState<{ field: 'slug' | 'name' | null; text: string }>();
  const invalid = (name: 'slug' | 'name') => (problem?.field === name ? true : undefined);
  return (
    <form
      class="manage-form"
      aria-labelledby="add-site-title"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const slugInput = field(form, 'slug');
        const nameInput = field(form, 'name');
        const slug = slugInput.value.trim();
        const name = nameInput.value;
        const wrong = (at: 'slug' | 'name', text: string) => {
          setProblem({ field: at, text });
          (at === 'slug' ? slugInput : nameInput).focus();
        };
        if (slug === '') return wrong('slug', t('dash.manage.problem.slugEmpty'));
        if (!SLUG_PATTERN.test(slug)) return wrong('slug', t('dash.manage.problem.slugPattern'));
        const badName = nameProblem(name, 'dash.manage.problem.nameEmpty');
        if (badName) return wrong('name', badName);
        const failed = await onAdd(slug, name.trim());
        if (failed === 'busy') return;
        if (failed === undefined) {
          setProblem(undefined);
          form.reset();
        } else if (failed.field === null) {
          setProblem(failed);
        } else {
          wrong(failed.field, failed.text);
        }
      }}
    >
      <h3 id="add-site-title">{t('dash.manage.addSite')}</h3>
      <label for="new-site-slug">{t('dash.manage.siteSlug')}</label>
      <input
        id="new-site-slug"
        name="slug"
        autocomplete="off"
        spellcheck={false}
        maxLength={63}
        aria-describedby={`new-site-slug-hint${invalid('slug') ? ' add-site-problem' : ''}`}
        aria-invalid={invalid('slug')}
      />
      <p id="new-site-slug-hint" class="hint">
        {t('dash.manage.siteSlugHint')}
      </p>
      <label for="new-site-name">{t('dash.manage.siteName')}</label>
      <input
        id="new-site-name"
        name="name"
        autocomplete="off"
        aria-describedby={invalid('name') ? 'add-site-problem' : undefined}
        aria-invalid={invalid('name')}
      />
      <Problem id="add-site-problem" text={problem?.text} />
      <button type="submit">{t('dash.manage.addSiteSubmit')}</button>
    </form>
  );
}
