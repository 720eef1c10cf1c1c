import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeNotification } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { createNotifier } = await import('../../../main/app/notifications');

beforeEach(() => {
  FakeNotification.created.length = 0;
  FakeNotification.supported = true;
});

describe('notifications', () => {
  it('shows the notice silently unless sound was asked for', () => {
    const notifier = createNotifier(vi.fn());
    notifier.show({ title: 'NAVER main is failing', body: 'Unauthorized: check the API key', incidentId: 'i-1' });
    notifier.show({ title: 'Resolved', body: 'NAVER main recovered', silent: false });
    const [first, second] = FakeNotification.created;
    expect(first!.options).toMatchObject({
      title: 'NAVER main is failing',
      body: 'Unauthorized: check the API key',
      silent: true,
    });
    expect(first!.show).toHaveBeenCalledOnce();
    expect(second!.options.silent).toBe(false);
  });

  it('opens the window at the incident on click, and never on its own', () => {
    const openAt = vi.fn();
    const notifier = createNotifier(openAt);
    notifier.show({ title: 't', body: 'b', incidentId: 'i-7', silent: true });
    expect(openAt).not.toHaveBeenCalled();
    FakeNotification.created[0]!.emit('click');
    expect(openAt).toHaveBeenCalledWith('i-7');
  });

  it('does nothing where the system has no notifications', () => {
    FakeNotification.supported = false;
    createNotifier(vi.fn()).show({ title: 't', body: 'b' });
    expect(FakeNotification.created).toHaveLength(0);
  });
});
