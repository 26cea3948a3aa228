// Writes a setting past its schema, the way a garbled or older store would hold it.
import { createStore, set } from 'idb-keyval';
import type { SettingKey } from '../../src/storage/settings.ts';

export function writeRawSetting(key: SettingKey, value: unknown): Promise<void> {
  return set(key, value, createStore('terskel-settings', 'settings'));
}
