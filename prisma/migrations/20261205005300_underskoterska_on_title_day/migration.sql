-- SoL 3 kap. 3 d § and its transitional rule: whoever was tillsvidareanställd with the title
-- undersköterska on 2023-07-01 may be fast omsorgskontakt without bevis until 2033-06-30. A start
-- date alone cannot tell whether the person was still so employed on that day, so the fact is
-- recorded explicitly: true, false, or NULL (not recorded). Existing rows stay NULL — nothing in
-- the data says what the answer is — and the rule treats NULL as "not shown" until someone records it.

-- AlterTable
ALTER TABLE "StaffMember" ADD COLUMN "permanentUnderskoterskaOnTitleDay" BOOLEAN;
