/** English texts of the lead's view of the published configuration (see nb-config-review.ts). */
import type { Catalogue } from './nb.ts';

export const enConfigReview: Catalogue = {
  'config.first.title': 'The site’s settings on the server',
  'config.first.text':
    'The server has version {version} of the site’s settings, published {at} by {by}. It differs from this tablet’s:',
  'config.first.theirs': 'Use the settings from the endpoint',
  'config.first.mine': 'Keep mine and publish them',
  'config.conflict.title': 'The settings were changed on the server',
  'config.conflict.text':
    'Before your save arrived, {by} published version {version} ({at}). Your settings are saved on the tablet but not published. This is how the server’s version differs:',
  'config.conflict.theirs': 'Use the endpoint’s version',
  'config.conflict.mine': 'Publish mine anyway',
  'config.diff.name': 'Name: “{ours}” here, “{theirs}” on the server',
  'config.diff.hours': 'Opening hours: {ours} here, {theirs} on the server',
  'config.diff.days': 'Public holidays and closed or open dates',
  'config.diff.itemAdded': 'Programme item only on the server: {what}',
  'config.diff.itemRemoved': 'Programme item only here: {what}',
  'config.diff.itemChanged': 'Programme item changed: {what}',
  'config.diff.counterAdded': 'Counter only on the server: {what}',
  'config.diff.counterRemoved': 'Counter only here: {what}',
  'config.diff.counterChanged': 'Counter changed: {what}',
  'config.diff.questions': 'The questions after check-in',
  'config.diff.languages': 'Languages: {ours} here, {theirs} on the server',
  'config.diff.zone': 'Time zone or day change (from the next day)',
  'config.diff.door': 'Other choices at the door (word for the day, user voice, capacity)',
  'config.diff.none': 'Only the word-for-the-day plan may differ.',
  'config.invalid':
    'Version {version} of the settings on the server is not valid and was not used ({issue}). The tablet keeps its own.',
  'config.refused': 'The server refused the settings, so they are not published:',
};
