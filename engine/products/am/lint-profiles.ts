/**
 * Each AM evaluator's lint profile (lint.ts), keyed by the catalog's evaluator ids, so a new evaluator is one
 * entry the compiler asks for once contracts/catalog.ts lists it (as bindings/declarations.ts's declarations
 * are). amEvaluator (evaluator.ts) takes the entry of its id unless its spec brings a profile of its own.
 */
import type { EvaluatorId } from "../../../contracts/catalog";
import { javaValueWarnings } from "../../dialect/java-values";
import { requestValueTextWarnings } from "../../dialect/request-value-text";
import type { AmLintProfile } from "./lint";

/** The legacy evaluator: AM's Java objects (AMIdentity, Debug), no next-generation bindings. */
const LEGACY_PROFILE: AmLintProfile = {
  label: "legacy",
  foreignApi: {
    "identity.getAttributeValues": 'legacy identity is an AMIdentity: use identity.getAttribute("name") (a java.util.Set)',
    "identity.setAttribute": "legacy AMIdentity has no setAttribute; use setAttributes(map) and store()",
    "identity.addAttribute": "legacy AMIdentity has no addAttribute; use setAttributes(map) and store()",
    "logger.info": "legacy logger (Debug) has message()/warning()/error()",
    "logger.warn": "legacy logger (Debug) uses warning()",
    "logger.debug": "legacy logger (Debug) uses message()",
    "utils.crypto": "utils is a next-generation binding",
    "openidm.read": "openidm is a next-generation binding",
  },
  // Its bindings hand out Java values, which a script easily treats as JS ones.
  valueWarnings: (source) => javaValueWarnings(source),
};

/** The next-generation evaluator: JS wrappers, no session and none of the legacy Java API. */
const NEXT_GEN_PROFILE: AmLintProfile = {
  label: "next-generation",
  foreignApi: {
    "identity.getAttribute": 'next-generation scripts read attributes with identity.getAttributeValues("name") (an array)',
    "identity.getAttributes": "next-generation identity has no getAttributes(); use getAttributeValues",
    "logger.message": "next-generation logger uses debug()/info()",
    "logger.warning": "next-generation logger uses warn()",
    "session.getProperty": "next-generation access-token scripts have no session binding",
  },
  // Its request values are arrays or Java lists by the scenario's request.valuesType, whose text differs.
  valueWarnings: requestValueTextWarnings,
};

export const AM_LINT_PROFILES: Readonly<Record<EvaluatorId, AmLintProfile>> = {
  legacy: LEGACY_PROFILE,
  "next-gen": NEXT_GEN_PROFILE,
};
