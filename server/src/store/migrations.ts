/**
 * Schema migrations, applied in order at start under an advisory lock so
 * several BFF instances starting together apply each exactly once.
 * Append only: a landed migration is never edited.
 */
import type { Db, Queryable } from './db'

export interface Migration {
  id: string
  sql: string
  /**
   * A backfill the SQL cannot express (it needs the core's rules): the name of one of the `backfills` given to
   * migrate(), run after `sql` in the same transaction. It must read only what the schema holds at that point.
   */
  backfill?: string
}

/** Code run by migrations, given by the app (store/ may not import cases/). */
export type Backfills = Record<string, (tx: Queryable) => Promise<void>>

export const MIGRATIONS: Migration[] = [
  {
    id: '001_catalogue',
    sql: `
      create table departments (
        code text primary key,
        name text not null
      );
      create table halls (
        id text primary key,
        level text not null,
        doc jsonb not null
      );
      create table items (
        code text primary key,
        department_code text not null references departments(code),
        doc jsonb not null,
        summary jsonb not null,
        etag text not null,
        updated_at timestamptz not null default now()
      );
      create index items_department on items(department_code);
    `,
  },
  {
    id: '002_identity',
    sql: `
      create table accounts (
        id uuid primary key default gen_random_uuid(),
        phone text unique,
        name text,
        created_at timestamptz not null default now()
      );
      create table otp_codes (
        id uuid primary key default gen_random_uuid(),
        phone text not null,
        purpose text not null,
        code_hash text not null,
        expires_at timestamptz not null,
        attempts int not null default 0,
        voided_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index otp_codes_phone on otp_codes(phone, purpose, created_at desc);
      create table otp_sends (
        phone text not null,
        ip text not null,
        sent_at timestamptz not null default now()
      );
      create index otp_sends_phone on otp_sends(phone, sent_at);
      create index otp_sends_ip on otp_sends(ip, sent_at);
      create table sessions (
        token_hash text primary key,
        account_id uuid not null references accounts(id),
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        user_agent text,
        revoked_at timestamptz
      );
      create index sessions_account on sessions(account_id);
      create table server_secrets (
        name text primary key,
        value text not null
      );
    `,
  },
  {
    id: '003_real_name',
    sql: `
      alter table accounts add column id_number_enc text;
      alter table accounts add column id_number_hash text unique;
      alter table accounts add column id_number_masked text;
      alter table accounts add column verified_at timestamptz;
    `,
  },
  {
    id: '004_staff',
    sql: `
      create table staff (
        id uuid primary key default gen_random_uuid(),
        username text unique not null,
        display_name text not null,
        password_hash text not null,
        roles text[] not null,
        hall_id text,
        department_code text,
        failed_attempts int not null default 0,
        locked_until timestamptz,
        created_at timestamptz not null default now()
      );
      alter table sessions add column staff_id uuid references staff(id);
      alter table sessions alter column account_id drop not null;
      create index sessions_staff on sessions(staff_id);
    `,
  },
  {
    id: '005_wechat',
    sql: `
      alter table accounts add column wechat_openid text unique;
      alter table accounts add column wechat_unionid text;
    `,
  },
  {
    id: '006_access_log',
    sql: `
      create table access_log (
        id uuid primary key default gen_random_uuid(),
        account_id uuid not null references accounts(id),
        staff_id uuid not null references staff(id),
        purpose text not null,
        fields text[] not null,
        at timestamptz not null default now()
      );
      create index access_log_account on access_log(account_id, at desc);
    `,
  },
  {
    id: '007_agent_consents',
    sql: `
      create table consents (
        id uuid primary key default gen_random_uuid(),
        agent_id uuid not null references staff(id),
        resident_phone text not null,
        account_id uuid references accounts(id),
        item_code text not null references items(code),
        status text not null default 'pending',
        created_at timestamptz not null default now(),
        granted_at timestamptz
      );
      create index consents_agent on consents(agent_id, created_at desc);
      create index consents_account on consents(account_id, granted_at desc);
    `,
  },
  {
    id: '008_company',
    sql: `
      alter table accounts add column company_name text;
      alter table accounts add column credit_code text;
    `,
  },
  {
    id: '009_cases',
    sql: `
      create table cases (
        id uuid primary key default gen_random_uuid(),
        case_no text not null unique,
        item_code text not null references items(code),
        account_id uuid not null references accounts(id),
        agent_id uuid references staff(id),
        consent_id uuid references consents(id),
        form_version integer not null,
        form jsonb not null,
        form_values jsonb not null,
        answers jsonb not null,
        materials jsonb not null,
        delivery text not null,
        status text not null default 'submitted',
        submitted_at timestamptz not null default now()
      );
      create index cases_account on cases(account_id, submitted_at desc);
      create table case_events (
        id bigserial primary key,
        case_id uuid not null references cases(id),
        type text not null,
        at timestamptz not null default now(),
        actor text not null,
        data jsonb not null default '{}'
      );
      create index case_events_case on case_events(case_id, id);
      create table case_counters (
        item_code text not null,
        day date not null,
        seq integer not null,
        primary key (item_code, day)
      );
      create table idempotency_keys (
        account_id uuid not null references accounts(id),
        key text not null,
        request_hash text not null,
        case_id uuid references cases(id),
        created_at timestamptz not null default now(),
        primary key (account_id, key)
      );
    `,
  },
  {
    id: '010_drafts',
    sql: `
      create table drafts (
        account_id uuid not null references accounts(id),
        item_code text not null references items(code),
        item_name text not null,
        form_version integer not null,
        form_values jsonb not null,
        answers jsonb not null,
        updated_at bigint not null,
        saved_at timestamptz not null default now(),
        primary key (account_id, item_code)
      );
    `,
  },
  {
    id: '011_uploads',
    sql: `
      create table uploads (
        id uuid primary key default gen_random_uuid(),
        account_id uuid not null references accounts(id),
        storage_key text not null unique,
        name text not null,
        mime text not null,
        size integer not null,
        sha256 text not null,
        width integer,
        height integer,
        material_id text,
        item_code text,
        case_id uuid,
        attached_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index uploads_account on uploads(account_id, created_at desc);
      create table upload_blobs (
        key text primary key,
        data bytea not null,
        created_at timestamptz not null default now()
      );
    `,
  },
  {
    id: '012_licences',
    sql: `
      create table licences (
        id uuid primary key default gen_random_uuid(),
        account_id uuid not null references accounts(id),
        type text not null,
        title text not null,
        number_masked text not null,
        number_enc text,
        holder text not null,
        issuer text not null,
        issued_on date not null,
        valid_until date,
        created_at timestamptz not null default now()
      );
      create index licences_account on licences(account_id, type);
      alter table accounts add column licences_filled_at timestamptz;
    `,
  },
  {
    id: '013_uploads_case',
    sql: `
      alter table uploads add constraint uploads_case_fk foreign key (case_id) references cases(id);
      create index uploads_abandoned on uploads(created_at) where case_id is null
    `,
  },
  {
    // Issued documents (notices, certificates): the face as printed, and the hash of the PDF, for 扫码核验.
    id: '014_documents',
    sql: `
      create table documents (
        id text primary key,
        kind text not null,
        case_id uuid not null references cases(id),
        event_index integer not null,
        number text not null,
        content jsonb not null,
        pdf_sha256 text,
        issued_at timestamptz not null default now(),
        revoked_at timestamptz,
        unique (case_id, kind, event_index)
      );
      create table document_counters (
        kind text not null,
        year integer not null,
        seq integer not null,
        primary key (kind, year)
      )
    `,
  },
  {
    id: '016_approval_backend',
    sql: `
      create table backend_outbox (
        id bigserial primary key,
        case_id uuid not null references cases(id),
        kind text not null,
        payload jsonb not null,
        attempts int not null default 0,
        next_at timestamptz not null,
        sent_at timestamptz,
        dead_at timestamptz,
        last_error text,
        external_id text,
        created_at timestamptz not null default now()
      );
      create index backend_outbox_due on backend_outbox(next_at) where sent_at is null and dead_at is null;
      create index backend_outbox_case on backend_outbox(case_id);
      create table backend_webhooks (
        event_id text primary key,
        case_id uuid not null references cases(id),
        received_at timestamptz not null default now()
      );
    `,
  },
  {
    id: '017_licences_case',
    sql: `
      alter table licences add column case_id uuid references cases(id);
      create unique index licences_case on licences(case_id) where case_id is not null
    `,
  },
  {
    id: '018_case_warnings',
    sql: `
      create table case_warnings (
        id bigserial primary key,
        case_id uuid not null references cases(id),
        step text not null,
        light text not null check (light in ('yellow', 'red')),
        audience text not null,
        deadline date not null,
        raised_at timestamptz not null default now(),
        unique (case_id, step, light)
      );
      create index case_warnings_audience on case_warnings(audience, raised_at desc);
      create table case_warning_reads (
        warning_id bigint not null references case_warnings(id),
        staff_id uuid not null,
        read_at timestamptz not null default now(),
        primary key (warning_id, staff_id)
      );
    `,
  },
  {
    // Whose desk each open case is on (window, department:<code>) and by when: the workbench queues are read
    // by desk in SQL, most urgent first, instead of filtering every open case in the BFF.
    id: '019_case_desks',
    sql: `
      create table case_desks (
        case_id uuid not null references cases(id),
        desk text not null,
        due date,
        primary key (case_id, desk)
      );
      create index case_desks_desk on case_desks(desk, due, case_id);
      alter table cases add column due date;
      alter table cases add column desks_ready boolean not null default false;
      create index cases_open_due on cases(due, submitted_at) where status not in ('completed', 'not_accepted', 'withdrawn')
    `,
  },
  {
    // First come, first served: a desk's queue breaks a tie of deadlines by when the case was submitted, then by its
    // number — never by the random case id (two cases due the same day came out in a coin toss's order).
    id: '020_case_desks_order',
    sql: `
      alter table case_desks add column submitted_at timestamptz;
      alter table case_desks add column case_no text;
      update case_desks d set submitted_at = c.submitted_at, case_no = c.case_no from cases c where c.id = d.case_id;
      alter table case_desks alter column submitted_at set not null;
      alter table case_desks alter column case_no set not null;
      drop index case_desks_desk;
      create index case_desks_desk on case_desks(desk, due, submitted_at, case_no);
      drop index cases_open_due;
      create index cases_open_due on cases(due, submitted_at, case_no) where status not in ('completed', 'not_accepted', 'withdrawn')
    `,
  },
  {
    // Staff sign-in attempts by the username as typed (known or not) and address ('*': all addresses), counted
    // before the password is checked; the staff row keeps only what to tell its owner at the next sign-in.
    id: '021_staff_login_attempts',
    sql: `
      create table staff_login_attempts (
        username text not null,
        address text not null,
        failures int not null default 0,
        last_at timestamptz not null,
        locked_until timestamptz,
        unseen int not null default 0,
        last_failure_at timestamptz,
        primary key (username, address)
      );
      alter table staff drop column failed_attempts;
      alter table staff drop column locked_until;
      alter table staff add column sign_in_failures int not null default 0;
      alter table staff add column last_sign_in_failure_at timestamptz
    `,
  },
  {
    // 承办人 / 审核人 / 批准人 are three people in a department unless it is switched off here (machine.ts, DutyRules).
    id: '022_department_duties',
    sql: `
      alter table departments add column separate_duties boolean not null default true
    `,
  },
  {
    // One outbox for everything sent after a commit: the approval handover is its first kind ('approval.handover');
    // notices, messages, EMS and payments follow. A job may stand alone (no case).
    id: '023_outbox',
    sql: `
      alter table backend_outbox rename to outbox;
      alter table outbox alter column case_id drop not null;
      update outbox set kind = 'approval.handover' where kind = 'handover';
      alter index backend_outbox_due rename to outbox_due;
      alter index backend_outbox_case rename to outbox_case;
      create index outbox_kind_due on outbox(kind, next_at) where sent_at is null and dead_at is null
    `,
  },
  {
    // The workbench desks of open cases stored before desks were kept (it ran at every start until now).
    id: '024_fill_missing_desks',
    sql: '',
    backfill: 'fillMissingDesks',
  },
  {
    // Whose licence it is (core licences/owner.ts): a person (the keyed hash of their ID number, as accounts keep it)
    // or a company (its credit code). A certificate we issued is the company's the form named, else the account
    // holder's. Demo wallets were filled with a fixed stranger (林晓) where the account had no real name: they go,
    // and are filled again from the account's own real name on the next read (licences/demo.ts).
    id: '025_licence_holders',
    sql: `
      alter table licences add column holder_kind text not null default 'person';
      alter table licences add column holder_id_hash text;
      alter table licences add column holder_credit_code text;
      update licences l set holder_kind = 'company', holder_credit_code = upper(c.form_values->>(f->>'name'))
        from cases c, jsonb_array_elements(c.form->'fields') f
        where l.case_id = c.id and f->>'prefill' = 'creditCode' and coalesce(c.form_values->>(f->>'name'), '') <> '';
      update licences l set holder_id_hash = a.id_number_hash
        from accounts a where a.id = l.account_id and l.case_id is not null and l.holder_kind = 'person';
      delete from licences where case_id is null;
      update accounts set licences_filled_at = null where licences_filled_at is not null
    `,
  },
  {
    // What a person was told (issue 18): one row per message and recipient, written in the transaction of the event
    // that caused it (dedupe_key: the event, the kind and the recipient, so a replay writes none); each channel's
    // attempt at it, with the provider's answer (the receipts staff see); and the kinds a person switched off
    // (no row: on). Ties of time are ordered by seq (the order they were written). A delivery's channel is null for the message as a whole (queued; switched off).
    id: '026_messages',
    sql: `
      create table messages (
        id uuid primary key default gen_random_uuid(),
        seq bigserial not null,
        account_id uuid not null references accounts(id),
        case_id uuid references cases(id),
        kind text not null,
        dedupe_key text not null unique,
        content jsonb not null,
        read_at timestamptz,
        created_at timestamptz not null
      );
      create index messages_account on messages(account_id, created_at desc, seq desc);
      create index messages_unread on messages(account_id) where read_at is null;
      create index messages_case on messages(case_id, created_at, seq) where case_id is not null;
      create table message_deliveries (
        id bigserial primary key,
        message_id uuid not null references messages(id) on delete cascade,
        channel text,
        status text not null check (status in ('queued', 'sent', 'delivered', 'failed', 'unavailable')),
        provider_code text,
        detail text,
        provider_id text,
        at timestamptz not null
      );
      create index message_deliveries_message on message_deliveries(message_id, id);
      create table message_settings (
        account_id uuid not null references accounts(id),
        kind text not null,
        enabled boolean not null,
        primary key (account_id, kind)
      )
    `,
  },
  {
    // WeChat one-time subscribe-message acceptances we know of (one accept = one message of that template).
    // Keyed by openid, not account: WeChat holds them for the WeChat user, and binding a phone can move an
    // openid to the account that phone already had (store/identity.ts bindPhone); the ledger follows it.
    id: '027_wechat_subscriptions',
    sql: `
      create table wechat_subscriptions (
        openid text not null,
        template_id text not null,
        accepts integer not null default 0 check (accepts >= 0),
        updated_at timestamptz not null default now(),
        primary key (openid, template_id)
      )
    `,
  },
  {
    // Web Push subscriptions (messages/channels/webpush.ts): one row per browser, as PushSubscription.toJSON() gave it.
    // The endpoint is the browser's identity at its push service, so it is unique: the same browser signed in by
    // someone else moves to them. Removed when the push service answers 404/410 (gone) or the person turns it off.
    // The session that subscribed is kept: once it is signed out nothing more is sent there (a shared computer
    // must not show the last person's cases), while an idle session past its 30 days still gets its messages.
    id: '028_push_subscriptions',
    sql: `
      create table push_subscriptions (
        id uuid primary key default gen_random_uuid(),
        account_id uuid not null references accounts(id) on delete cascade,
        endpoint text not null unique,
        p256dh text not null,
        auth text not null,
        session_hash text,
        created_at timestamptz not null default now(),
        last_success_at timestamptz
      );
      create index push_subscriptions_account on push_subscriptions(account_id, created_at)
    `,
  },
  {
    // The demo wallet called the household register 户口簿, while the guides and forms name it as the e-licence
    // catalogue does (居民户口簿): the 公积金 form's 户口迁出 field never offered the wallet's copy.
    id: '029_hukou_book_type',
    sql: `
      update licences set type = '居民户口簿', title = '居民户口簿' || substr(title, 4)
        where type = '户口簿' and case_id is null
    `,
  },
  {
    // SMS delivery reports name the message by the provider's id (BizId) of its "sent" receipt.
    id: '030_message_delivery_provider_id',
    sql: `
      create index message_deliveries_provider on message_deliveries (provider_id) where provider_id is not null
    `,
  },
  {
    // 排队取号 (issue 19): each hall's queue as configured; a counter per hall, category and day (the number's
    // sequence, taken in the ticket's own transaction so a refused take gives its number back: no gaps); tickets.
    // One active ticket per person and category, held by partial unique indexes (account, else device).
    id: '031_queue',
    sql: `
      create table queue_halls (
        hall_id text primary key references halls(id),
        doc jsonb not null,
        updated_at timestamptz not null default now()
      );
      create table queue_counters (
        hall_id text not null,
        category text not null,
        day date not null,
        last integer not null,
        primary key (hall_id, category, day)
      );
      create table queue_tickets (
        id uuid primary key default gen_random_uuid(),
        hall_id text not null references halls(id),
        category text not null,
        day date not null,
        seq integer not null,
        number text not null,
        state text not null,
        priority integer not null default 0,
        priority_until timestamptz,
        account_id uuid,
        device_id text,
        phone text,
        case_no text,
        window_no integer,
        recalls integer not null default 0,
        queued_at timestamptz not null,
        taken_at timestamptz not null,
        called_at timestamptz,
        serving_at timestamptz,
        finished_at timestamptz,
        no_show_at timestamptz,
        near_told_at timestamptz,
        rating integer check (rating between 1 and 5),
        rating_note text,
        rated_at timestamptz,
        transferred_from uuid references queue_tickets(id),
        transferred_to uuid references queue_tickets(id),
        updated_at timestamptz not null
      );
      create unique index queue_tickets_number on queue_tickets (hall_id, category, day, seq) where transferred_from is null;
      create unique index queue_tickets_account_active on queue_tickets (hall_id, category, day, account_id)
        where account_id is not null and state in ('waiting', 'called');
      create unique index queue_tickets_device_active on queue_tickets (hall_id, category, day, device_id)
        where account_id is null and device_id is not null and state in ('waiting', 'called');
      create index queue_tickets_waiting on queue_tickets (hall_id, day, category, priority, queued_at, seq) where state = 'waiting';
      create index queue_tickets_window on queue_tickets (hall_id, day, window_no) where state in ('called', 'serving');
      create index queue_tickets_done on queue_tickets (hall_id, category, finished_at) where state = 'done'
    `,
  },
  {
    // 预约 (issue 19): a counter row per hall, category and slot holds its capacity (the booking's insert steps it in
    // the same statement, only while below the capacity); one live booking per person, category and day.
    id: '032_queue_appointments',
    sql: `
      create table queue_appointment_slots (
        hall_id text not null,
        category text not null,
        slot_start timestamptz not null,
        booked integer not null,
        primary key (hall_id, category, slot_start)
      );
      create table queue_appointments (
        id uuid primary key default gen_random_uuid(),
        hall_id text not null references halls(id),
        category text not null,
        day date not null,
        slot_start timestamptz not null,
        slot_end timestamptz not null,
        account_id uuid not null references accounts(id),
        state text not null,
        ticket_id uuid references queue_tickets(id),
        booked_at timestamptz not null,
        cancelled_at timestamptz,
        checked_in_at timestamptz,
        updated_at timestamptz not null
      );
      create unique index queue_appointments_one_a_day on queue_appointments (hall_id, category, day, account_id)
        where state in ('booked', 'checked_in');
      create index queue_appointments_account on queue_appointments (account_id, day)
    `,
  },
]

const LOCK_ID = 7_262_001

/** Applies what is missing; `backfills` must hold every backfill a missing migration names. */
export async function migrate(db: Db, backfills: Backfills = {}): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_ID])
    await tx.query('create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())')
    const done = new Set((await tx.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id))
    const applied: string[] = []
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue
      for (const statement of m.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement)
      if (m.backfill) {
        const fn = backfills[m.backfill]
        if (!fn) throw new Error(`migration ${m.id} needs the backfill ${m.backfill}`)
        await fn(tx)
      }
      await tx.query('insert into schema_migrations (id) values ($1)', [m.id])
      applied.push(m.id)
    }
    return applied
  })
}
