// Settings: time zone, holiday region, policy preset, signature, active-applications target,
// the seeker's own e-mail address;
// then the calendar feed and the SMTP settings (each its own form).
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, type RegionName } from '../api.js';
import { PRESETS, type PresetName, type Settings } from '../../../src/core/types.js';
import { Combobox } from '../components/combobox.js';
import { ErrorBox, ErrorSummary } from '../components/error-box.js';
import { Select, TextArea, TextField } from '../components/fields.js';
import {
  check,
  collect,
  focusFirstInvalid,
  NO_ERRORS,
  placeApiError,
  type FormErrors,
} from '../form-errors.js';
import { loadRegions, regionOptions, regionSearch, searchZones, zoneOptions } from '../places.js';
import { humanize } from '../labels.js';
import { useNotify } from '../notice.js';
import { useUnsavedChanges } from '../unsaved.js';
import { toApiError, useLoad } from '../use-load.js';
import { CalendarFeedCard, SmtpCard } from './settings-mail.js';
import { MailboxCard } from './settings-inbox.js';
import { HistoryLinks } from '../components/history-links.js';
import { ImportCard } from './import-card.js';

const PRESET_NOTES: Record<PresetName, string> = {
  gentle: 'Gentle (fewer, later)',
  standard: 'Standard',
  persistent: 'Persistent (sooner)',
};

export default function SettingsPage() {
  const { data, error, reload } = useLoad(api.settings, []);
  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  if (!data) return <p className="loading">Loading settings…</p>;
  return (
    <>
      <SettingsForm initial={data} />
      <CalendarFeedCard />
      <SmtpCard />
      <MailboxCard />
      <ImportCard />
      <HistoryLinks />
    </>
  );
}

type SettingsField = 'timezone' | 'region' | 'preset' | 'activeTarget' | 'signature' | 'email';

const SETTINGS_LABELS: Record<SettingsField, string> = {
  timezone: 'Time zone',
  region: 'Holiday region',
  preset: 'Follow-up pace',
  activeTarget: 'Active applications to aim for',
  signature: 'Signature',
  email: 'Your e-mail address',
};

function SettingsForm({ initial }: { initial: Settings }) {
  const notify = useNotify();
  const form = useRef<HTMLFormElement>(null);
  const [timezone, setTimezone] = useState(initial.timezone);
  const [region, setRegion] = useState(initial.region);
  const [preset, setPreset] = useState<PresetName>(initial.preset);
  const [signature, setSignature] = useState(initial.signature);
  const [target, setTarget] = useState(String(initial.activeTarget));
  const [email, setEmail] = useState(initial.email ?? '');
  const [errors, setErrors] = useState<FormErrors<SettingsField>>(NO_ERRORS);
  const [regions, setRegions] = useState<readonly RegionName[]>([]);
  useEffect(() => {
    loadRegions().then(setRegions, () => undefined);
  }, []);
  const zones = useMemo(() => zoneOptions(Date.now(), initial.timezone), [initial.timezone]);
  const regionChoices = useMemo(() => regionOptions(regions), [regions]);
  const searchRegion = useMemo(() => regionSearch(regions), [regions]);

  // Unsaved means different from what was last saved: typing in a picker and leaving it
  // unpicked (it goes back to the saved value) leaves nothing to lose.
  const [saved, setSaved] = useState(initial);
  useUnsavedChanges(
    timezone !== saved.timezone ||
      region !== saved.region ||
      preset !== saved.preset ||
      signature !== saved.signature ||
      target !== String(saved.activeTarget) ||
      email.trim() !== (saved.email ?? ''),
  );
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found = collect<SettingsField>({
      timezone: zones.some((z) => z.value === timezone) ? null : 'Pick a time zone from the list',
      region:
        regions.length === 0 || regions.some((r) => r.code === region)
          ? null
          : 'Pick a region from the list',
      preset: null,
      activeTarget: check.wholeNumber(target, 0, 1000),
      signature: null,
      email: check.email(email),
    });
    if (Object.keys(found).length > 0) {
      setErrors({ fields: found, general: null });
      focusFirstInvalid(form.current);
      return;
    }
    setErrors(NO_ERRORS);
    try {
      const activeTarget = Number(target);
      const ownEmail = email.trim() === '' ? null : email.trim();
      await api.saveSettings({
        timezone,
        region,
        preset,
        signature,
        activeTarget,
        email: ownEmail,
      });
      setErrors(NO_ERRORS);
      notify({ text: 'Settings saved', tone: 'success' });
      setSaved({ ...saved, timezone, region, preset, signature, activeTarget, email: ownEmail });
    } catch (err) {
      setErrors(placeApiError(toApiError(err), SETTINGS_FIELDS));
      focusFirstInvalid(form.current);
    }
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} aria-labelledby="settings-h" noValidate>
      <div className="page-head">
        <h1 id="settings-h">Settings</h1>
      </div>
      <div className="panel">
        <ErrorSummary
          general={errors.general}
          labels={Object.keys(errors.fields).map((f) => SETTINGS_LABELS[f as SettingsField])}
        />
        <div className="form-grid">
          <Combobox
            label={SETTINGS_LABELS.timezone}
            name="timezone"
            value={timezone}
            onChange={setTimezone}
            options={zones}
            search={searchZones}
            hint="Type a city, e.g. New York or London"
            error={errors.fields.timezone}
          />
          <Combobox
            label={SETTINGS_LABELS.region}
            name="region"
            value={region}
            onChange={setRegion}
            options={regionChoices}
            search={searchRegion}
            hint="Public holidays are not business days. Type a country or a state."
            error={errors.fields.region}
          />
          <Select
            label={SETTINGS_LABELS.preset}
            name="preset"
            value={preset}
            onChange={setPreset}
            options={PRESETS.map((p) => ({ value: p, label: PRESET_NOTES[p] ?? humanize(p) }))}
            error={errors.fields.preset}
          />
          <TextField
            label={SETTINGS_LABELS.activeTarget}
            name="activeTarget"
            type="number"
            min="0"
            value={target}
            onChange={setTarget}
            error={errors.fields.activeTarget}
          />
          <TextField
            label={SETTINGS_LABELS.email}
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={setEmail}
            hint="Never taken for an interviewer when you import an invitation"
            error={errors.fields.email}
          />
        </div>
        <TextArea
          label={SETTINGS_LABELS.signature}
          name="signature"
          value={signature}
          onChange={setSignature}
          rows={4}
          hint="Your name and contact details, added to every draft"
          error={errors.fields.signature}
        />
        <button type="submit" className="primary">
          Save settings
        </button>
      </div>
    </form>
  );
}

/** The API's field names → this form's fields. */
const SETTINGS_FIELDS: Record<string, SettingsField> = {
  timezone: 'timezone',
  region: 'region',
  preset: 'preset',
  activeTarget: 'activeTarget',
  signature: 'signature',
  email: 'email',
};
