/** Member tables of the OneWelcome token-hook classes (engine/products/onewelcome/), converted from their name lists: not typed yet. */
import { untypedMembers } from "../members";

export const HOOK_EXCHANGE_MEMBERS = untypedMembers("HookExchange", ["request", "answer", "log"]);
