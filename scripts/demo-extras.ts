/** Seeds the demo campaigns of the demo organisation; returns lines to print. */
export async function seedDemoExtras(_organisationId: string): Promise<string[]> {
  return [];
}
