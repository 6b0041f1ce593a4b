// Settings: time zone, holiday region, policy preset, signature, active-applications target;
// then the calendar feed and the SMTP settings (each its own form).
import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api.js';
import { PRESETS, type PresetName, type Settings } from '../../../src/core/types.js';
import { ErrorBox, FormError } from '../components/error-box.js';
import { Select, TextArea, TextField } from '../components/fields.js';
import { humanize } from '../format.js';
import { useNotify } from '../notice.js';
import { useDirtyForm } from '../unsaved.js';
import { toApiError, useLoad } from '../use-load.js';
import { CalendarFeedCard, SmtpCard } from './settings-mail.js';

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
    </>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const notify = useNotify();
  const [timezone, setTimezone] = useState(initial.timezone);
  const [region, setRegion] = useState(initial.region);
  const [preset, setPreset] = useState<PresetName>(initial.preset);
  const [signature, setSignature] = useState(initial.signature);
  const [target, setTarget] = useState(String(initial.activeTarget));
  const [error, setError] = useState<ApiError | null>(null);
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

  const unsaved = useDirtyForm();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      await api.saveSettings({ timezone, region, preset, signature, activeTarget: Number(target) });
      setError(null);
      notify({ text: 'Settings saved', tone: 'success' });
      unsaved.markSaved();
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      onChange={unsaved.markDirty}
      aria-labelledby="settings-h"
    >
      <div className="page-head">
        <h1 id="settings-h">Settings</h1>
      </div>
      <div className="panel">
        <div className="form-grid">
          <div>
            <TextField
              label="Time zone"
              name="timezone"
              value={timezone}
              onChange={setTimezone}
              list="zones"
              hint="IANA name, e.g. America/New_York"
            />
            <datalist id="zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
          <TextField
            label="Holiday region"
            name="region"
            value={region}
            onChange={setRegion}
            hint="e.g. US, GB-ENG, IE, DE-BY, CA-ON"
          />
          <Select
            label="Follow-up pace"
            name="preset"
            value={preset}
            onChange={setPreset}
            options={PRESETS.map((p) => ({ value: p, label: PRESET_NOTES[p] ?? humanize(p) }))}
          />
          <TextField
            label="Active applications to aim for"
            name="activeTarget"
            type="number"
            min="0"
            value={target}
            onChange={setTarget}
          />
        </div>
        <TextArea
          label="Signature"
          name="signature"
          value={signature}
          onChange={setSignature}
          rows={4}
          hint="Your name and contact details, added to every draft"
        />
        <FormError error={error} />
        <button type="submit" className="primary">
          Save settings
        </button>
      </div>
    </form>
  );
}
