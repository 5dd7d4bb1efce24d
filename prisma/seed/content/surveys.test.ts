import { describe, expect, it } from "vitest";
import { ZDefinition } from "@/lib/surveys/definition";
import { futureWeWant, guidanceSurvey, surveyTitles } from "./surveys";

const languages = ["ar", "en", "es", "fr", "ru", "zh"];

describe("demo surveys", () => {
  it("give every question, option and scale label in the six UN languages", () => {
    for (const survey of [futureWeWant, guidanceSurvey]) {
      const definition = ZDefinition.parse(survey);
      for (const question of definition) {
        const texts: Array<Record<string, string>> = [question.text];
        texts.push(...question.options.map((o) => o.label));
        if (question.type === "likert") texts.push(question.scaleLabels.min, question.scaleLabels.max);
        for (const text of texts) {
          expect(Object.keys(text).sort(), `${question.id}: ${text.en}`).toEqual(languages);
          expect(Object.values(text).every((v) => v.trim().length > 0)).toBe(true);
        }
      }
    }
  });

  it("give every survey's title and description in the six UN languages", () => {
    for (const survey of Object.values(surveyTitles)) {
      for (const text of [survey.title, survey.description]) {
        expect(Object.keys(text).sort()).toEqual(languages);
        expect(Object.values(text).every((v) => v.trim().length > 0)).toBe(true);
      }
    }
  });
});
