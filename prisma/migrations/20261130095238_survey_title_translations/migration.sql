-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "descriptionI18n" JSONB,
ADD COLUMN     "titleI18n" JSONB;
