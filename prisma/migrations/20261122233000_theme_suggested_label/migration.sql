-- AlterTable
ALTER TABLE "Theme" ADD COLUMN     "suggestedLabel" TEXT;
