import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import type { OrganizationSettings, PrivacyMode, SettingsChange, Visibility, VisibilityRule } from '../../api/types';
import { ErrorMessage, Field, fieldError, SelectField, SubmitButton } from '../../components/form';

const PRIVACY_MODES: readonly { value: PrivacyMode; label: string; explains: string }[] = [
  {
    value: 'team_transparent',
    label: 'Team transparent',
    explains: 'Members see each other’s figures as the rules below allow. Figures set to admins only stay with admins.',
  },
  {
    value: 'fully_private',
    label: 'Fully private',
    explains: 'Members see only their own analysis. Admins see every figure not kept to its owner. Viewers read reports only.',
  },
  {
    value: 'public_metrics',
    label: 'Public metrics',
    explains: 'As team transparent, but figures set to admins only are shown to members too. Owner-only figures stay with their owner.',
  },
];

const VISIBILITIES: readonly { value: Visibility; label: string }[] = [
  { value: 'visible_to_all', label: 'Everyone in the team (admins and members)' },
  { value: 'admin_only', label: 'Admins only' },
  { value: 'owner_only', label: 'Only the person themself' },
];

const RULES: readonly { key: VisibilityRule; label: string; covers: string }[] = [
  { key: 'codeQuality', label: 'Code quality', covers: 'The code quality score, its issues and recommendations.' },
  { key: 'burnoutRisk', label: 'Burnout risk', covers: 'The burnout risk score and the working patterns behind it.' },
  { key: 'commitDetails', label: 'Commit details', covers: 'Commit, pull request and review figures.' },
  { key: 'personalInsights', label: 'Personal insights', covers: 'The notes written for the person about their own work.' },
];

/** What the organization's privacy lets whom see; each choice says it in a sentence, and the API applies it on every read. */
export function PrivacyForm({ settings }: { settings: OrganizationSettings }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState(settings);
  const save = useMutation({
    mutationFn: (changes: SettingsChange) => unwrap(api().PUT('/organization/settings', { body: changes })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organization'] }),
  });
  const [unchanged, setUnchanged] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = changedSettings(settings, form);
    setUnchanged(changes === undefined);
    if (changes) save.mutate(changes);
  };
  const mode = PRIVACY_MODES.find((option) => option.value === form.privacyMode);
  const timeZones = Intl.supportedValuesOf('timeZone');
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="privacy-title">
      <h2 id="privacy-title">Organization settings and privacy</h2>
      <Field
        label="Time zone"
        list="time-zones"
        value={form.timezone}
        onChange={(event) => setForm({ ...form, timezone: event.target.value })}
        hint="Late-night and weekend work is counted in this zone; the daily sync runs at 03:00 here."
        error={fieldError(save.error, 'timezone')}
      />
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <SelectField
        label="Privacy mode"
        options={PRIVACY_MODES}
        value={form.privacyMode}
        onValueChange={(privacyMode) => setForm({ ...form, privacyMode })}
        hint={mode?.explains}
      />
      <fieldset>
        <legend>Who sees each figure of another person</legend>
        <p className="hint">A person always sees all of their own figures. Viewers never see one person’s figures, only the team’s and reports.</p>
        {RULES.map((rule) => (
          <SelectField
            key={rule.key}
            label={rule.label}
            options={VISIBILITIES}
            value={form.visibilityRules[rule.key]}
            onValueChange={(visibility) => setForm({ ...form, visibilityRules: { ...form.visibilityRules, [rule.key]: visibility } })}
            hint={rule.covers}
          />
        ))}
      </fieldset>
      <div className="check">
        <input
          id="allow-members-view-others"
          type="checkbox"
          checked={form.allowMembersViewOthers}
          onChange={(event) => setForm({ ...form, allowMembersViewOthers: event.target.checked })}
          aria-describedby="allow-members-view-others-hint"
        />
        <div>
          <label htmlFor="allow-members-view-others">Members may open each other’s analyses</label>
          <br />
          <small id="allow-members-view-others-hint" className="hint">
            When off, a member sees only their own analysis; admins still see what the rules above allow.
          </small>
        </div>
      </div>
      <ErrorMessage error={save.error} />
      {save.isSuccess && !unchanged ? <p role="status">Settings saved. They apply from the next read of any analysis or report.</p> : null}
      {unchanged ? <p role="status">Nothing changed, so nothing was saved.</p> : null}
      <SubmitButton busy={save.isPending} busyLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}

/** Only what the admin changed: the API takes any subset and refuses an empty one. */
function changedSettings(before: OrganizationSettings, after: OrganizationSettings): SettingsChange | undefined {
  const rules = Object.fromEntries(RULES.filter(({ key }) => before.visibilityRules[key] !== after.visibilityRules[key]).map(({ key }) => [key, after.visibilityRules[key]]));
  const changes = {
    ...(after.timezone.trim() !== before.timezone ? { timezone: after.timezone.trim() } : {}),
    ...(after.privacyMode !== before.privacyMode ? { privacyMode: after.privacyMode } : {}),
    ...(Object.keys(rules).length > 0 ? { visibilityRules: rules } : {}),
    ...(after.allowMembersViewOthers !== before.allowMembersViewOthers ? { allowMembersViewOthers: after.allowMembersViewOthers } : {}),
  };
  return Object.keys(changes).length > 0 ? changes : undefined;
}
