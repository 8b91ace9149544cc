"use client";
// One rule turns an action's or a schema's message into words: useMessageText (any namespace's key, or plain text).
export { useMessageText as useErrorText } from "./use-message-text";
