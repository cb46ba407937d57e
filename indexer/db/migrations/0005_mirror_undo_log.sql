-- Generic reorg undo for the chain mirror (indexer/sync/undo-log.ts): every write to a mirror table made while
-- sync applies a range that is not yet final is recorded here as row images, keyed by the range's last block.
-- A rollback to block N puts back what was written above N; nothing lists columns, so a handler's new column
-- or table is undone with no change here (a new table only calls mirror_undo_track in its migration).
CREATE TABLE "mirror_undo" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"block_number" bigint NOT NULL,
	"table_name" text NOT NULL,
	-- true: the row as it was before the write (put it back); false: the row as the write left it (take it out).
	"restore" boolean NOT NULL,
	"row_image" jsonb NOT NULL
);--> statement-breakpoint
CREATE INDEX "mirror_undo_block_idx" ON "mirror_undo" ("block_number");--> statement-breakpoint
-- The columns that name one row: the primary key, else the first unique index on NOT NULL columns.
CREATE FUNCTION mirror_undo_key(t regclass) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT array_agg(a.attname::text ORDER BY k.ord)
  FROM (
    SELECT i.indkey FROM pg_index i
    WHERE i.indrelid = t AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM unnest(i.indkey::int2[]) c(n)
        JOIN pg_attribute na ON na.attrelid = t AND na.attnum = c.n WHERE NOT na.attnotnull)
    ORDER BY i.indisprimary DESC, i.indexrelid LIMIT 1
  ) ix, unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
  JOIN pg_attribute a ON a.attrelid = t AND a.attnum = k.attnum
$$;--> statement-breakpoint
-- Row trigger: the undo block is set (transaction-local) by sync only for ranges above the finality depth, so the
-- WHEN clause keeps every other write (final backfill ranges, fixtures, the revert itself) at no cost.
CREATE FUNCTION mirror_undo_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  blk bigint := current_setting('fairgate.undo_block')::bigint;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO mirror_undo (block_number, table_name, restore, row_image) VALUES (blk, TG_TABLE_NAME, true, to_jsonb(OLD));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO mirror_undo (block_number, table_name, restore, row_image) VALUES (blk, TG_TABLE_NAME, false, to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Makes `t` a mirror table: its writes are recorded, reverted on a reorg and cleared with the mirror.
CREATE FUNCTION mirror_undo_track(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF mirror_undo_key(t) IS NULL THEN
    RAISE EXCEPTION 'mirror table % needs a primary key or a unique index on NOT NULL columns', t;
  END IF;
  EXECUTE format(
    'CREATE TRIGGER mirror_undo AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW'
    ' WHEN (current_setting(''fairgate.undo_block'', true) <> '''') EXECUTE FUNCTION mirror_undo_record()', t);
END
$$;--> statement-breakpoint
-- Reverts every recorded write above `ancestor`, per table in two statements: take out every row a write
-- touched, then put back each row's image from before its first write (rows born above `ancestor` stay out).
CREATE FUNCTION mirror_undo_above(ancestor bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text;
  t regclass;
  k text[];
  row_key text;
  table_key text;
BEGIN
  PERFORM set_config('fairgate.undo_block', '', true);
  FOR name IN SELECT DISTINCT u.table_name FROM mirror_undo u WHERE u.block_number > ancestor LOOP
    t := quote_ident(name)::regclass;
    k := mirror_undo_key(t);
    row_key := (SELECT string_agg('r.' || quote_ident(c), ', ') FROM unnest(k) c);
    table_key := (SELECT string_agg('t.' || quote_ident(c), ', ') FROM unnest(k) c);
    EXECUTE format(
      'DELETE FROM %1$s t USING mirror_undo u, jsonb_populate_record(NULL::%1$s, u.row_image) r'
      ' WHERE u.table_name = $2 AND u.block_number > $1 AND (%2$s) = (%3$s)', t, table_key, row_key)
      USING ancestor, name;
    EXECUTE format(
      'INSERT INTO %1$s SELECT (f.r).* FROM (SELECT DISTINCT ON (%2$s) u.restore, r'
      ' FROM mirror_undo u, jsonb_populate_record(NULL::%1$s, u.row_image) r'
      ' WHERE u.table_name = $2 AND u.block_number > $1 ORDER BY %2$s, u.id) f WHERE f.restore', t, row_key)
      USING ancestor, name;
  END LOOP;
  DELETE FROM mirror_undo WHERE block_number > ancestor;
END
$$;--> statement-breakpoint
-- Empties every mirror table and the log (a chain that diverged below every stored block).
CREATE FUNCTION mirror_clear() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t regclass;
BEGIN
  PERFORM set_config('fairgate.undo_block', '', true);
  FOR t IN SELECT tgrelid::regclass FROM pg_trigger WHERE tgname = 'mirror_undo' LOOP
    EXECUTE format('DELETE FROM %s', t);
  END LOOP;
  DELETE FROM mirror_undo;
END
$$;--> statement-breakpoint
SELECT mirror_undo_track('events');--> statement-breakpoint
SELECT mirror_undo_track('tiers');--> statement-breakpoint
SELECT mirror_undo_track('tickets');--> statement-breakpoint
SELECT mirror_undo_track('transfers');--> statement-breakpoint
SELECT mirror_undo_track('mints');--> statement-breakpoint
SELECT mirror_undo_track('purchases');--> statement-breakpoint
SELECT mirror_undo_track('voucher_redemptions');--> statement-breakpoint
SELECT mirror_undo_track('refunds');--> statement-breakpoint
SELECT mirror_undo_track('listings');--> statement-breakpoint
SELECT mirror_undo_track('sales');--> statement-breakpoint
SELECT mirror_undo_track('contract_activity');--> statement-breakpoint
SELECT mirror_undo_track('channel_configs');--> statement-breakpoint
SELECT mirror_undo_track('identity_deadlines');--> statement-breakpoint
SELECT mirror_undo_track('waitlist_entries');
