/** Chart colours: the brand for the main series, readable greys and a second hue beside it. */
export const CHART = {
  main: "#b4235a",
  second: "#2f6f9f",
  grid: "#e3e5ea",
  text: "#5b6170",
} as const;
