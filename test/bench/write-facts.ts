// Writes generated facts into a store through the repository port, in one transaction.
import type { UnitOfWork } from '../../src/app/ports.js';
import type { Facts } from '../../src/core/types.js';

export async function writeFacts(uow: UnitOfWork, facts: Facts): Promise<void> {
  await uow.transaction(async (repo) => {
    await repo.saveSettings(facts.settings);
    for (const contact of facts.contacts) await repo.upsertContact(contact);
    for (const { interviews, interactions, ...record } of facts.applications) {
      await repo.upsertApplication(record);
      for (const interview of interviews) await repo.upsertInterview(record.id, interview);
      for (const interaction of interactions) await repo.upsertInteraction(record.id, interaction);
    }
    for (const event of facts.stepEvents) await repo.addStepEvent(event);
  });
}
