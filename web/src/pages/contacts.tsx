// Contacts: everyone you deal with, references first; add or edit a person.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import type { Contact } from '../../../src/core/types.js';
import { ErrorBox, ErrorSummary } from '../components/error-box.js';
import { Check, TextArea, TextField } from '../components/fields.js';
import {
  check,
  collect,
  focusFirstInvalid,
  NO_ERRORS,
  placeApiError,
  type FormErrors,
} from '../form-errors.js';
import { useNotify } from '../notice.js';
import { DeleteButton } from '../components/delete-button.js';
import { useDirtyForm } from '../unsaved.js';
import { toApiError, useLoad } from '../use-load.js';

export default function ContactsPage() {
  const { data, error, reload } = useLoad(api.contacts, []);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  if (error && !data) return <ErrorBox error={error} retry={reload} />;
  const references = data?.filter((c) => c.isReference) ?? [];
  const others = data?.filter((c) => !c.isReference) ?? [];
  return (
    <div>
      <div className="page-head">
        <h1>Contacts</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New contact
        </button>
      </div>
      {editing && (
        <ContactForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      {!data ? (
        <p className="loading">Loading contacts…</p>
      ) : data.length === 0 ? (
        <div className="empty">
          <h2>No contacts yet</h2>
          <p>
            Interviewers you add in a debrief appear here. Add your references too: tactful tells
            them when to expect a call.
          </p>
        </div>
      ) : (
        <>
          <ContactList
            title="References"
            people={references}
            onEdit={setEditing}
            empty="No reference yet: mark people who vouch for you."
          />
          <ContactList
            title="People"
            people={others}
            onEdit={setEditing}
            empty="Nobody else yet."
          />
        </>
      )}
    </div>
  );
}

function ContactList({
  title,
  people,
  onEdit,
  empty,
}: {
  title: string;
  people: Contact[];
  onEdit: (c: Contact) => void;
  empty: string;
}) {
  const id = `h-${title.toLowerCase()}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{people.length}</span>
      </h2>
      {people.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="contacts">
          {people.map((c) => (
            <li key={c.id} className="contact" data-contact-id={c.id}>
              <div>
                <strong className="contact-name">{c.name}</strong>
                <span className="muted">
                  {[c.title, c.organization].filter(Boolean).join(' · ')}
                </span>
              </div>
              <div className="contact-links">
                {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                {c.phone && <span>{c.phone}</span>}
              </div>
              <button type="button" className="link" onClick={() => onEdit(c)}>
                Edit<span className="sr-only"> {c.name}</span>
              </button>
              <DeleteButton entity="contact" id={c.id} name={c.name} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ContactForm({ initial, onDone }: { initial: Contact | null; onDone: () => void }) {
  const notify = useNotify();
  const form = useRef<HTMLFormElement>(null);
  // The form opens above the list: bring it into view with the cursor in the first field.
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
    form.current?.querySelector('input')?.focus();
  }, []);
  const [name, setName] = useState(initial?.name ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [organization, setOrganization] = useState(initial?.organization ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [linkedin, setLinkedin] = useState(initial?.linkedin ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [isReference, setIsReference] = useState(initial?.isReference ?? false);
  const [errors, setErrors] = useState<FormErrors<ContactField>>(NO_ERRORS);
  const orNull = (v: string): string | null => v.trim() || null;

  const unsaved = useDirtyForm();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found = collect<ContactField>({
      name: check.required(name, 'The name'),
      email: check.email(email),
      linkedin: check.webAddress(linkedin),
    });
    if (Object.keys(found).length > 0) {
      setErrors({ fields: found, general: null });
      focusFirstInvalid(form.current);
      return;
    }
    setErrors(NO_ERRORS);
    const input = {
      name: name.trim(),
      title: orNull(title),
      organization: orNull(organization),
      email: orNull(email),
      phone: orNull(phone),
      linkedin: orNull(linkedin),
      notes: orNull(notes),
      isReference,
    };
    try {
      if (initial) await api.saveContact(initial.id, input);
      else await api.addContact(input);
      notify({ text: `${input.name} saved`, tone: 'success' });
      unsaved.markSaved();
      onDone();
    } catch (err) {
      setErrors(placeApiError(toApiError(err), CONTACT_FIELDS));
      focusFirstInvalid(form.current);
    }
  };

  const field = (key: ContactField) => ({
    label: CONTACT_LABELS[key],
    name: key,
    error: errors.fields[key],
  });
  return (
    <form
      ref={form}
      className="panel"
      onSubmit={(e) => void submit(e)}
      onChange={unsaved.markDirty}
      aria-label={initial ? `Edit ${initial.name}` : 'New contact'}
      noValidate
    >
      <ErrorSummary
        general={errors.general}
        labels={Object.keys(errors.fields).map((f) => CONTACT_LABELS[f as ContactField])}
      />
      <div className="form-grid">
        <TextField {...field('name')} value={name} onChange={setName} required />
        <TextField {...field('title')} value={title} onChange={setTitle} />
        <TextField {...field('organization')} value={organization} onChange={setOrganization} />
        <TextField {...field('email')} type="email" value={email} onChange={setEmail} />
        <TextField {...field('phone')} type="tel" value={phone} onChange={setPhone} />
        <TextField {...field('linkedin')} type="url" value={linkedin} onChange={setLinkedin} />
      </div>
      <TextArea {...field('notes')} value={notes} onChange={setNotes} rows={2} />
      <Check
        label="This person is one of my references"
        name="isReference"
        checked={isReference}
        onChange={setIsReference}
      />
      <div className="form-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type ContactField = 'name' | 'title' | 'organization' | 'email' | 'phone' | 'linkedin' | 'notes';

const CONTACT_LABELS: Record<ContactField, string> = {
  name: 'Name',
  title: 'Title',
  organization: 'Organisation',
  email: 'E-mail',
  phone: 'Phone',
  linkedin: 'LinkedIn URL',
  notes: 'Notes',
};

/** The API's field names → this form's fields (the same names). */
const CONTACT_FIELDS: Record<string, ContactField> = Object.fromEntries(
  Object.keys(CONTACT_LABELS).map((k) => [k, k as ContactField]),
);
