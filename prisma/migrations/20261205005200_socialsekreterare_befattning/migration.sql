-- HSA kodverk KV_befattning (OID 1.2.752.129.2.2.1.4): Socialsekreterare, a handläggare in the
-- sense of seed §5.1 ("biståndshandläggare, socialsekreterare, LSS-handläggare eller liknande"),
-- so that a socialsekreterare can be registered and is shown to the patient by role and unit
-- only (HANDLAGGARE_BEFATTNINGAR in machines/rules.ts). Reference data, not demo data.
INSERT INTO "Befattning" ("code", "name") VALUES
  ('351010', 'Socialsekreterare');
