-- The gate's admission statement as a PL/pgSQL function (indexer/gate/admission/mirror-admission.ts).
-- Why a function: PL/pgSQL keeps the statement's plan for the connection, so a batch of scans costs
-- neither the parse nor the plan of this CTE again (on PGlite, one-scan batches went from ~3 ms to
-- ~0.8 ms). Arrays in, one row per request out; the unique index on check_ins decides
-- first-wins, across gates and instances.
CREATE OR REPLACE FUNCTION gate_admit(
  p_i int[], p_contract text[], p_token_id numeric[], p_holder text[], p_gate_id text[],
  p_at timestamptz[], p_mode text[], p_zone int[], p_identity text[], p_not_moved_after int8[]
) RETURNS TABLE (
  i int, owner text, updated_block text, zones int, identity_commitment text, cancelled boolean,
  identity_deadline text, bound boolean, admitted boolean
) LANGUAGE plpgsql
-- One generic plan, made once: a custom plan per call (the default for the first calls and whenever
-- the planner hesitates) cost more than the whole execution of a small batch.
SET plan_cache_mode = force_generic_plan
AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH req AS (
    SELECT * FROM unnest(p_i, p_contract, p_token_id, p_holder, p_gate_id, p_at, p_mode, p_zone, p_identity, p_not_moved_after)
      AS r(i, contract, token_id, holder, gate_id, at, mode, zone, identity, not_moved_after)
  ),
  f AS (
    SELECT r.*, NULLIF(t.owner, '0x0000000000000000000000000000000000000000') AS owner, t.updated_block, ti.zones,
      NULLIF(lower(t.identity_commitment), '0x0000000000000000000000000000000000000000000000000000000000000000') AS identity_commitment,
      CASE WHEN e.address IS NULL THEN NULL ELSE e.cancelled_at IS NOT NULL END AS cancelled,
      CASE WHEN dl.seconds_before_start > 0 THEN GREATEST(e.start_time - dl.seconds_before_start, 1) END AS identity_deadline,
      t.bound_block IS NOT NULL AS bound
    FROM req r
    LEFT JOIN tickets t ON t.contract = r.contract AND t.token_id = r.token_id
    LEFT JOIN tiers ti ON ti.contract = r.contract AND ti.tier = t.tier
    LEFT JOIN events e ON e.address = r.contract
    LEFT JOIN LATERAL (
      SELECT d.seconds_before_start FROM identity_deadlines d WHERE d.contract = r.contract AND d.tier = t.tier
      ORDER BY d.block_number DESC, d.log_index DESC LIMIT 1
    ) dl ON true
  ),
  ok AS (
    SELECT DISTINCT ON (contract, token_id) i, contract, token_id, holder, gate_id, at, mode FROM f
    WHERE owner = holder AND cancelled = false AND ((zones >> zone) & 1) = 1
      AND (identity_deadline IS NULL OR bound OR extract(epoch FROM at) <= identity_deadline)
      AND (identity_commitment IS NULL OR identity_commitment = identity)
      AND (not_moved_after IS NULL OR updated_block <= not_moved_after)
    ORDER BY contract, token_id, i
  ),
  ins AS (
    INSERT INTO check_ins (contract, token_id, holder, gate_id, checked_in_at, mode)
    SELECT contract, token_id, holder, gate_id, at, mode FROM ok
    ON CONFLICT DO NOTHING
    RETURNING contract, token_id
  )
  SELECT f.i, f.owner, f.updated_block::text, f.zones, f.identity_commitment, f.cancelled,
    f.identity_deadline::text, f.bound,
    (ok.i IS NOT NULL AND ins.token_id IS NOT NULL)
  FROM f
  LEFT JOIN ok ON ok.i = f.i
  LEFT JOIN ins ON ins.contract = f.contract AND ins.token_id = f.token_id;
END
$fn$;
