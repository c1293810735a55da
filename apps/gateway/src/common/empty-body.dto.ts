/**
 * The body of a move that takes no input: with the global whitelist, any field sent is a 400 naming
 * it (a client that sends `{reason}` to accept learns that it is ignored rather than assuming it was kept).
 */
export class EmptyBodyDto {}
