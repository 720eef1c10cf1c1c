import type { DeliveryLogEntry, ReceiverConfig, ReceiverView } from '@shared/model/receivers';
import { err, ok, type AppError, type Result } from '@shared/result';
import type { CredentialStore } from '../credentials/credential-store';
import { receiverAccount, SECRET_FIELD } from './receiver-config';
import type { ReceiverStore } from './receiver-store';
import { checkReceiverUrl } from './url-policy';

/** The receivers as the Alerts view's admin section sees them: secrets go in, never out. */
export interface ReceiversPort {
  list(): Promise<readonly ReceiverView[]>;
  /** `secret` replaces the stored one when given; leave it out to keep what is stored. */
  save(receiver: ReceiverConfig, secret: string | undefined): Promise<Result<readonly ReceiverView[], AppError>>;
  remove(receiverId: string): Promise<Result<readonly ReceiverView[], AppError>>;
  deliveries(incidentId: string): readonly DeliveryLogEntry[];
}

const bad = (message: string): AppError => ({ code: 'bad-argument', message });

export function createReceiversPort(deps: {
  readonly store: ReceiverStore;
  readonly secrets: CredentialStore;
  readonly deliveries: (incidentId: string) => readonly DeliveryLogEntry[];
  /** Called after a change, so a new receiver is sent what is firing now. */
  readonly changed?: () => void;
}): ReceiversPort {
  async function hasSecret(receiver: ReceiverConfig): Promise<boolean> {
    const stored = await deps.secrets.get(receiverAccount(receiver.id), SECRET_FIELD[receiver.kind]);
    return stored.ok && Boolean(stored.value);
  }
  async function list(): Promise<readonly ReceiverView[]> {
    return Promise.all(deps.store.list().map(async (r) => ({ ...r, hasSecret: await hasSecret(r) })));
  }

  /** What is wrong with a receiver before anything is stored, as a sentence; null when it may be saved. */
  function problem(receiver: ReceiverConfig, secret: string | undefined, stored: boolean): string | null {
    if (receiver.kind === 'webhook' && !receiver.url) return 'A webhook needs the address to send to.';
    if (receiver.url) {
      const checked = checkReceiverUrl(receiver.url);
      if (!checked.ok) return checked.message;
    }
    if (secret === undefined || secret === '') {
      return stored ? null : `Enter the ${label(receiver)}; it is kept in the keychain, not in the settings file.`;
    }
    if (receiver.kind === 'slack' || receiver.kind === 'teams') {
      const checked = checkReceiverUrl(secret);
      if (!checked.ok) return checked.message;
    }
    if (receiver.kind === 'webhook' && secret.length < 16) return 'Use a signing secret of at least 16 characters.';
    return null;
  }

  return {
    list,
    async save(receiver, secret) {
      const existing = deps.store.list().find((r) => r.id === receiver.id);
      const stored = existing !== undefined && existing.kind === receiver.kind && (await hasSecret(existing));
      const why = problem(receiver, secret, stored);
      if (why) return err(bad(`${receiver.name}: ${why}`));
      if (secret) {
        if (existing && existing.kind !== receiver.kind) await deps.secrets.deleteSource(receiverAccount(receiver.id));
        const saved = await deps.secrets.set(receiverAccount(receiver.id), SECRET_FIELD[receiver.kind], secret);
        if (!saved.ok) return err({ code: saved.error.code, message: saved.error.message });
      }
      const others = deps.store.list().filter((r) => r.id !== receiver.id);
      await deps.store.save([...others, receiver]);
      deps.changed?.();
      return ok(await list());
    },
    async remove(receiverId) {
      if (!deps.store.list().some((r) => r.id === receiverId))
        return err({ code: 'not-found', message: `There is no receiver ${JSON.stringify(receiverId)}.` });
      await deps.secrets.deleteSource(receiverAccount(receiverId));
      await deps.store.save(deps.store.list().filter((r) => r.id !== receiverId));
      return ok(await list());
    },
    deliveries: (incidentId) => deps.deliveries(incidentId),
  };
}

function label(receiver: ReceiverConfig): string {
  switch (receiver.kind) {
    case 'webhook':
      return 'signing secret';
    case 'slack':
      return 'Slack incoming-webhook URL';
    case 'teams':
      return 'Teams workflow URL';
    case 'pagerduty':
      return 'PagerDuty routing key';
  }
}
